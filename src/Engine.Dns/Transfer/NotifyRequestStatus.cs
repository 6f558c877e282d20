namespace SecondaryPortal.Dns.Transfer;

/// <summary>What <see cref="NotifyRequest.TryRead"/> found, and so how a listener answers.</summary>
public enum NotifyRequestStatus
{
    /// <summary>A well-formed NOTIFY for a zone's SOA: check the zone and the sender, then answer with <see cref="NotifyMessage.WriteResponse"/>.</summary>
    Ok,

    /// <summary>A response, or shorter than a header: send nothing.</summary>
    Ignore,

    /// <summary>Not opcode NOTIFY: some other handler's business.</summary>
    NotNotify,

    /// <summary>Malformed, or not exactly one question (RFC 1996 §3.7): answer FORMERR.</summary>
    FormatError,

    /// <summary>A NOTIFY for another type than SOA, or another class than IN, which we do not implement: answer NOTIMP.</summary>
    NotImplemented,
}
