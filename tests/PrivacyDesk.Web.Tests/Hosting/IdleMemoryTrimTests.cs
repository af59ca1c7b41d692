using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Tests.Hosting;

/// <summary>
/// After a wave of pages closes and the instance goes quiet, memory goes back to the machine once (ADR 0049); never while
/// pages come and go, since the collection pauses every open page. The memory itself is measured in bench/ (circuits).
/// </summary>
public sealed class IdleMemoryTrimTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly OpenCircuits _circuits;
    private readonly IdleMemoryTrim _trim;
    private int _collections;

    public IdleMemoryTrimTests()
    {
        _circuits = new OpenCircuits(_clock);
        _trim = new IdleMemoryTrim(_circuits, _clock, NullLogger<IdleMemoryTrim>.Instance) { Collect = () => _collections++ };
    }

    private void OpenAndClose(int pages)
    {
        for (var i = 0; i < pages; i++)
        {
            _circuits.Opened();
        }
        for (var i = 0; i < pages; i++)
        {
            _circuits.Closed();
        }
    }

    [Fact]
    public void AWaveOfClosedPagesIsGivenBackOnceTheInstanceIsQuiet()
    {
        OpenAndClose(12);

        _trim.TrimIfQuiet().ShouldBeFalse("the pages just closed");
        _clock.Advance(IdleMemoryTrim.Quiet);
        _trim.TrimIfQuiet().ShouldBeTrue();
        _clock.Advance(IdleMemoryTrim.Quiet);
        _trim.TrimIfQuiet().ShouldBeFalse("nothing closed since");

        _collections.ShouldBe(1);
        _circuits.Open.ShouldBe(0);
    }

    [Fact]
    public void NothingIsCollectedWhilePagesComeAndGo()
    {
        OpenAndClose(20);
        _clock.Advance(TimeSpan.FromSeconds(50));
        _circuits.Opened();
        _clock.Advance(TimeSpan.FromSeconds(30));

        _trim.TrimIfQuiet().ShouldBeFalse("a page opened 30 s ago");
        _clock.Advance(TimeSpan.FromSeconds(30));
        _trim.TrimIfQuiet().ShouldBeTrue("a minute without a page opening or closing, one still open");
        _collections.ShouldBe(1);
        _circuits.Open.ShouldBe(1);
    }

    [Fact]
    public void NothingIsCollectedWhileMostPagesAreStillOpen()
    {
        for (var i = 0; i < 40; i++)
        {
            _circuits.Opened();
        }
        for (var i = 0; i < 12; i++)
        {
            _circuits.Closed();
        }
        _clock.Advance(TimeSpan.FromMinutes(5));

        _trim.TrimIfQuiet().ShouldBeFalse("28 officers are still working");
        _collections.ShouldBe(0);
    }

    [Fact]
    public void AFewClosedPagesAreLeftToTheCollector()
    {
        OpenAndClose(IdleMemoryTrim.MinimumClosed - 1);
        _clock.Advance(TimeSpan.FromMinutes(10));

        _trim.TrimIfQuiet().ShouldBeFalse();
        OpenAndClose(1);
        _clock.Advance(IdleMemoryTrim.Quiet);
        _trim.TrimIfQuiet().ShouldBeTrue("the closed pages add up across checks");
        _collections.ShouldBe(1);
    }
}
