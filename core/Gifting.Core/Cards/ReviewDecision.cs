namespace Gifting.Core.Cards;

public enum ReviewDecision { Approved, Declined }
