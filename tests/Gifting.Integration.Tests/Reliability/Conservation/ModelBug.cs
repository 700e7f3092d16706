namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>A deliberate mistake the model can be told to make, to show that the checker finds and shrinks one.</summary>
internal enum ModelBug
{
    /// <summary>The model as it should be.</summary>
    None,

    /// <summary>The model credits a reload twice to the account (and the records of accepted operations once).</summary>
    ReloadCreditedTwice,
}
