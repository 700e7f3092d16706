using System.ComponentModel.DataAnnotations;

namespace Gifting.Infra.Cosmos;

public sealed class CosmosOptions
{
    public const string Section = "Cosmos";

    [Required, Url]
    public string Endpoint { get; set; } = "";

    /// <summary>The account key. In Azure it comes from Key Vault through an app-setting reference.</summary>
    [Required]
    public string Key { get; set; } = "";

    [Required, RegularExpression("^[A-Za-z0-9-]{1,64}$")]
    public string Database { get; set; } = "gifting";

    /// <summary>
    /// Create the database and containers when missing: for local runs and tests; Azure's are provisioned.
    /// </summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>Talk to the local wire-protocol emulator: gateway mode and its work-arounds.</summary>
    public bool Emulator { get; set; }
}
