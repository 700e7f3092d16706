namespace Gifting.Core.Cards;

public enum CardKind { Digital, Physical }
