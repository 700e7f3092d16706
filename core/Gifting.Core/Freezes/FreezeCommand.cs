namespace Gifting.Core.Freezes;

/// <summary>Freeze (<see cref="Frozen"/> true) or unfreeze, by an operator (<see cref="By"/>, a <c>sub</c>).</summary>
public sealed record FreezeCommand(bool Frozen, string Reason, string By);
