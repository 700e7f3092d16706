using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// The local wire-protocol emulator answers a point read of a missing item with 500 unless this header is present;
/// with it, it answers 404 as Cosmos DB does. Only installed when talking to the emulator.
/// </summary>
internal sealed class EmulatorCompatibilityHandler : RequestHandler
{
    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
            request.Headers.Set("x-ms-documentdb-query-enablecrosspartition", "True");
        return base.SendAsync(request, cancellationToken);
    }
}
