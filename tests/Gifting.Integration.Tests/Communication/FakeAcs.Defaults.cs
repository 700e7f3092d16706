using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gifting.Integration.Tests.Communication;

/// <summary>The answers ACS gives to good requests, as its REST reference shows them.</summary>
public sealed partial class FakeAcs
{
    private async Task DefaultAsync(HttpContext context, FakeAcsRequest received)
    {
        if (received.Method == "GET")
        {
            var id = Uri.UnescapeDataString(received.Target.Split('?')[0].Split('/')[^1]);
            await (_operations.TryGetValue(id, out var status)
                ? WriteAsync(context, 200, NoHeaders, JsonSerializer.Serialize(new { id, status }))
                : WriteAsync(context, 404, NoHeaders, FakeAcsAnswer.ErrorBody("NotFound", "No such operation.")));
        }
        else if (received.Target.StartsWith("/emails", StringComparison.Ordinal))
        {
            var id = received.Header("Operation-Id") ?? Guid.NewGuid().ToString();
            _operations[id] = "Succeeded";
            await WriteAsync(context, 202,
                new Dictionary<string, string>
                {
                    ["Operation-Location"] = $"{Endpoint}emails/operations/{id}?api-version=2025-09-01",
                    ["retry-after"] = "30",
                },
                JsonSerializer.Serialize(new { id, status = "Running" }));
        }
        else
        {
            var to = received.Json.GetProperty("smsRecipients")[0].GetProperty("to").GetString();
            await WriteAsync(context, 202, NoHeaders, JsonSerializer.Serialize(new
            {
                value = new[]
                {
                    new
                    {
                        to, messageId = $"Outgoing_{Guid.NewGuid():N}_noam", httpStatusCode = 202,
                        repeatabilityResult = "accepted", successful = true,
                    },
                },
            }));
        }
    }
}
