namespace Gifting.Functions.Orders;

/// <summary>
/// What is wrong with one field of one line, as the contract lists it: <c>{"line", "field", "message"}</c>.
/// </summary>
public sealed record LineError(int Line, string Field, string Message);
