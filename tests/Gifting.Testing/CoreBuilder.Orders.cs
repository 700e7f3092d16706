using System.Security.Cryptography;
using Gifting.Core.Codes;
using Gifting.Core.Orders;

namespace Gifting.Testing;

/// <summary>Corporate orders: their store, the sweeper's index, the publisher their chunks go out through.</summary>
public sealed partial class CoreBuilder
{
    private readonly InMemoryOrderStore _orders = new();
    private readonly InMemoryUnfinishedOrderIndex _unfinishedOrders = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly RecordingSenders _senders = new();
    private Func<IOrderStore, IOrderStore> _decorateOrders = s => s;
    private OrderLimits _orderLimits = OrderLimits.Default;

    public CoreBuilder WithOrderStore(Func<IOrderStore, IOrderStore> decorate)
    {
        _decorateOrders = decorate;
        return this;
    }

    public CoreBuilder WithOrderLimits(OrderLimits limits)
    {
        _orderLimits = limits;
        return this;
    }

    private CodeCipher NewCipher() =>
        new([new EncryptionKey(1, RandomNumberGenerator.GetBytes(CodeCipher.KeySize))], 1, _keys);
}
