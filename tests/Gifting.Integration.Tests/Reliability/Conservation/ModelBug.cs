namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>A deliberate mistake the model can be told to make, so that the checker is seen to find it.</summary>
internal enum ModelBug
{
    /// <summary>The model as it should be.</summary>
    None,

    /// <summary>The model credits a reload twice to the account (and records the operation once).</summary>
    ReloadCreditedTwice,
}
