using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// A geographical location, version 0 (RFC 1876 §2). Fields are kept in their wire encoding: sizes
/// and precisions as a mantissa and a power of ten of centimetres, angles in thousandths of an arc
/// second offset by 2^31, altitude in centimetres above 100 km below the WGS 84 spheroid.
/// </summary>
public sealed class LocData : RecordData
{
    /// <summary>The value of latitude and longitude at the equator and the prime meridian.</summary>
    public const uint Equator = 1u << 31;

    /// <summary>The altitude field for 0 m (the field counts from 100,000 m below the reference).</summary>
    public const uint AltitudeBase = 10_000_000;

    /// <summary>A version 0 location; sizes and precisions must have mantissa and exponent of at most 9.</summary>
    public LocData(byte size, byte horizontalPrecision, byte verticalPrecision, uint latitude, uint longitude, uint altitude)
    {
        if (LocText.CheckWire(size, horizontalPrecision, verticalPrecision, latitude, longitude) is { } problem)
            throw new ArgumentException(problem);
        Size = size;
        HorizontalPrecision = horizontalPrecision;
        VerticalPrecision = verticalPrecision;
        Latitude = latitude;
        Longitude = longitude;
        Altitude = altitude;
    }

    /// <summary>Diameter of the enclosing sphere, as mantissa (high nibble) and power of ten (low nibble) of centimetres.</summary>
    public byte Size { get; }

    /// <summary>Horizontal precision, encoded like <see cref="Size"/>.</summary>
    public byte HorizontalPrecision { get; }

    /// <summary>Vertical precision, encoded like <see cref="Size"/>.</summary>
    public byte VerticalPrecision { get; }

    /// <summary>Thousandths of an arc second north of the south pole's opposite: 2^31 is the equator, more is north.</summary>
    public uint Latitude { get; }

    /// <summary>Thousandths of an arc second: 2^31 is the prime meridian, more is east.</summary>
    public uint Longitude { get; }

    /// <summary>Centimetres above a base 100,000 m below the WGS 84 reference spheroid.</summary>
    public uint Altitude { get; }

    /// <summary>Latitude in degrees, positive north.</summary>
    public double LatitudeDegrees => ((long)Latitude - Equator) / 3_600_000.0;

    /// <summary>Longitude in degrees, positive east.</summary>
    public double LongitudeDegrees => ((long)Longitude - Equator) / 3_600_000.0;

    /// <summary>Altitude in metres above the reference spheroid.</summary>
    public double AltitudeMeters => ((long)Altitude - AltitudeBase) / 100.0;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.LOC;

    /// <summary>
    /// Reads version 0; RFC 1876 §2 says to make no assumption about other versions, so their RDATA
    /// is kept as octets (RFC 3597).
    /// </summary>
    internal static RecordData ReadRdata(ref DnsReader reader)
    {
        int at = reader.Position;
        if (reader.Remaining > 0 && reader.Message[at] != 0)
            return new UnknownData(RecordType.LOC, reader.ReadRest().ToArray());
        reader.ReadByte();
        byte size = reader.ReadByte(), horizontal = reader.ReadByte(), vertical = reader.ReadByte();
        uint latitude = reader.ReadUInt32(), longitude = reader.ReadUInt32(), altitude = reader.ReadUInt32();
        if (LocText.CheckWire(size, horizontal, vertical, latitude, longitude) is { } problem)
            throw new DnsFormatException(DnsFormatError.BadRdata, at, problem);
        return new LocData(size, horizontal, vertical, latitude, longitude, altitude);
    }

    internal static LocData Parse(PresentationTokens tokens) => LocText.Parse(tokens);

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteByte(0);
        writer.WriteByte(Size);
        writer.WriteByte(HorizontalPrecision);
        writer.WriteByte(VerticalPrecision);
        writer.WriteUInt32(Latitude);
        writer.WriteUInt32(Longitude);
        writer.WriteUInt32(Altitude);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder) => LocText.Append(builder, this);
}
