using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Records;

/// <summary>How many records of one type.</summary>
/// <param name="Type">The type.</param>
/// <param name="TypeText">Its mnemonic.</param>
/// <param name="Count">How many records.</param>
public sealed record RecordTypeCount(RecordType Type, string TypeText, int Count);
