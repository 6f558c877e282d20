namespace SecondaryPortal.Dns.Messages;

/// <summary>
/// Where the answer records of a message lie, for a message decoded without them
/// (<see cref="DnsMessage.TryParseSkippingAnswers"/>): the caller reads them from the bytes itself.
/// </summary>
/// <param name="Offset">Offset of the first answer record in the message.</param>
/// <param name="Count">Number of answer records (ANCOUNT).</param>
internal readonly record struct AnswerSection(int Offset, int Count);
