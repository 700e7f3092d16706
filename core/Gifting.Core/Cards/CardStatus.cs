namespace Gifting.Core.Cards;

/// <summary>
/// <c>Redeeming</c> and <c>Held</c> are internal. Redeeming: the card is claimed by one account and its credit is being
/// posted; anyone who meets a card in that state finishes the claimant's redemption, so a crash between the writes
/// never strands value. Held: a fraud rule holds the claimant's redemption until support approves or declines it.
/// </summary>
public enum CardStatus { Inactive, Active, Redeeming, Redeemed, Cancelled, Held }
