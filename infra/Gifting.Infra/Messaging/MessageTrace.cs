using System.Diagnostics;

namespace Gifting.Infra.Messaging;

/// <summary>
/// The trace a message belongs to travels with it as application properties, so the trigger that handles it
/// continues the trace of the request (or timer run) that sent it. <c>Diagnostic-Id</c> is the property Azure SDKs
/// and Application Insights read; <c>traceparent</c> is the same W3C context under its standard name.
/// </summary>
public static class MessageTrace
{
    public const string DiagnosticId = "Diagnostic-Id";
    public const string TraceParent = "traceparent";

    private static readonly Dictionary<string, string> None = [];

    /// <summary>The properties that carry the current activity's context; none outside a W3C trace.</summary>
    public static IReadOnlyDictionary<string, string> Properties()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id }) return None;
        return new Dictionary<string, string>(StringComparer.Ordinal) { [DiagnosticId] = id, [TraceParent] = id };
    }

    /// <summary>The trace context a message carried, from either property; null when it carried none.</summary>
    public static ActivityContext? Parent(Func<string, string?> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        foreach (var name in new[] { TraceParent, DiagnosticId })
        {
            if (property(name) is { Length: > 0 } value
                && ActivityContext.TryParse(value, traceState: null, isRemote: true, out var context))
                return context;
        }
        return null;
    }
}
