using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>
/// The touch roll-up (touch_counts): written with every touch, its undo and its replacement in the same transaction,
/// built on open when missing, checked by Verify, and giving the same tallies as the touches themselves in any zone.
/// </summary>
public sealed class TouchCountTests
{
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "America/Santiago", "Asia/Kathmandu"];

    private static Customer Apply(Customer c, Touch t) => c;

    private static string[] Sorted(IEnumerable<TouchTally> tallies) =>
        [.. tallies.Select(t => $"{t.RepId} {t.Day:yyyy-MM-dd} {t.Kind} {t.Count}").Order(StringComparer.Ordinal)];

    /// <summary>What the touches themselves make (the rule of <see cref="TouchTally.Of"/>, through the touch index).</summary>
    private static string[] FromTouches(LiteDbSalesStore store, int[] reps, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone) =>
        Sorted(((ITouchStore)new TouchesOnly(store)).TouchTallies(reps, from, to, zone));

    [Fact]
    public void TouchTallies_AfterLogsUndosReplacementsAndBulkAdds_AgreeWithTheTouches_InEveryZoneAndPeriod()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());
        var random = new Random(13);
        var start = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        Touch Random(int i) => Samples.Touch(customer.Id, 1 + random.Next(4), start.AddMinutes(random.Next(100 * 24 * 60)), $"t{i}") with
        {
            Kind = (TouchKind)random.Next(Enum.GetValues<TouchKind>().Length),
            ExternalId = $"x{i}",
        };

        var logged = Enumerable.Range(0, 300).Select(i => store.RecordTouch(Random(i), Apply)!.Value.Touch).ToList();
        foreach (var touch in logged.Where((_, i) => i % 7 == 0))
        {
            store.UndoTouch(touch.Id, Apply);
        }

        store.UndoTouch(logged[0].Id, Apply); // a second undo counts nothing twice
        store.AddTouches([.. Enumerable.Range(300, 400).Select(Random), Random(700) with { Undone = true }]);
        store.SaveTouch(Random(999) with { ExternalId = "x301" });  // replaces an imported touch: moves its count
        store.SaveTouch(Random(998) with { ExternalId = "x302", Undone = true });
        store.SaveTouch(Random(997) with { ExternalId = "new" });

        int[] reps = [1, 2, 3, 4, 5];
        foreach (var zoneId in Zones)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            for (var i = 0; i < 20; i++)
            {
                var from = start.AddMinutes(random.Next(-2000, 100 * 24 * 60));
                var to = from.AddMinutes(random.Next(1, 60 * 24 * 60));
                Assert.Equal(FromTouches(store, reps, from, to, zone), Sorted(store.TouchTallies(reps, from, to, zone)));
            }

            // Whole local days, as a question asks them: a quarter, and a week over the clocks going back (Nov 1 in New York).
            var quarter = (From: new DateTimeOffset(2026, 10, 1, 0, 0, 0, zone.GetUtcOffset(new DateTime(2026, 10, 1))), To: new DateTimeOffset(2027, 1, 1, 0, 0, 0, zone.GetUtcOffset(new DateTime(2027, 1, 1))));
            Assert.Equal(FromTouches(store, reps, quarter.From, quarter.To, zone), Sorted(store.TouchTallies(reps, quarter.From, quarter.To, zone)));
        }

        Assert.NotEmpty(store.TouchTallies(reps, start, start.AddDays(100), TimeZoneInfo.Utc));
    }

    [Fact]
    public void TouchTallies_OfWholeDays_ComeFromTheRollUpWithoutReadingATouch_InAHalfHourZoneToo()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        store.RecordTouch(Samples.Touch(customer.Id, 1, monday.AddHours(9)), Apply);
        store.RecordTouch(Samples.Touch(customer.Id, 1, monday.AddHours(9.5)) with { Kind = TouchKind.Call }, Apply);
        store.RecordTouch(Samples.Touch(customer.Id, 1, monday.AddHours(23.5)), Apply); // Tuesday 00:30 in Berlin
        store.RecordTouch(Samples.Touch(customer.Id, 2, monday.AddDays(1).AddHours(9)), Apply);

        // With the touches gone from under it, only the roll-up can still answer.
        store.Database.GetCollection("touches").DeleteAll();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var tallies = store.TouchTallies([1, 2], monday.AddHours(-1), monday.AddDays(6).AddHours(23), berlin);

        Assert.Equal(["1 2026-11-23 Call 1", "1 2026-11-23 Visit 1", "1 2026-11-24 Visit 1", "2 2026-11-24 Visit 1"], Sorted(tallies));

        // Kolkata is UTC+5:30: Monday 18:30 UTC is Tuesday there; 9:00 and 9:30 UTC still Monday.
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var week = new DateTimeOffset(2026, 11, 22, 18, 30, 0, TimeSpan.Zero);
        Assert.Equal(["1 2026-11-23 Call 1", "1 2026-11-23 Visit 1", "1 2026-11-24 Visit 1", "2 2026-11-24 Visit 1"], Sorted(store.TouchTallies([1, 2], week, week.AddDays(7), kolkata)));
        store.RecordTouch(Samples.Touch(customer.Id, 1, monday.AddHours(18.25)), Apply); // 23:45 Monday in Kolkata
        store.Database.GetCollection("touches").DeleteAll();
        Assert.Contains("1 2026-11-23 Visit 2", Sorted(store.TouchTallies([1, 2], week, week.AddDays(7), kolkata)));
    }

    [Fact]
    public void RecordTouch_WhenItsTransactionFails_CountsNothing()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());

        Assert.Throws<InvalidOperationException>(() =>
            store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday), (_, _) => throw new InvalidOperationException()));

        Assert.Empty(store.TouchTallies([1], Samples.Monday.AddDays(-1), Samples.Monday.AddDays(1), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Open_AFileWithoutTheRollUp_BuildsIt_AndVerifyFindsCountsThatDifferFromTheTouches()
    {
        using var temp = new TempFolder();
        var path = temp.File("counts.db");
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        using (var store = LiteDbSalesStore.Open(path))
        {
            store.AddTouches([.. Enumerable.Range(0, 50).Select(i => Samples.Touch(1, 1 + (i % 3), monday.AddHours(i)))]);
            store.Database.DropCollection("touch_counts"); // a file from before the roll-up
        }

        Assert.True(LiteDbSalesStore.Verify(path).Ok);
        using (var store = LiteDbSalesStore.OpenExisting(path))
        {
            Assert.Equal(50, store.TouchTallies([1, 2, 3], monday, monday.AddDays(3), TimeZoneInfo.Utc).Sum(t => t.Count));
            var month = store.Database.GetCollection("touch_counts").FindById("0000000002:2026-11");
            month["C"].AsDocument["23090V"] = 7;
            store.Database.GetCollection("touch_counts").Update(month);
        }

        var report = LiteDbSalesStore.Verify(path);
        Assert.Equal(["touch_counts: the touch counts of 1 rep-months differ from the touches, so team questions count wrong (`recompute` rebuilds them)"], report.Problems);

        using (var store = LiteDbSalesStore.OpenExisting(path))
        {
            // Only Bob's counts are rewritten; a second pass finds nothing to do.
            Assert.Equal(1, store.RefreshTouchCounts());
            Assert.Equal(0, store.RefreshTouchCounts());
        }

        Assert.True(LiteDbSalesStore.Verify(path).Ok);
    }

    /// <summary>The store with its roll-up hidden: the interface's own tallies, from the touches.</summary>
    private sealed class TouchesOnly(LiteDbSalesStore store) : ITouchStore
    {
        public (Touch Touch, Customer Customer)? RecordTouch(Touch touch, Func<Customer, Touch, Customer> applyToCustomer) => throw new NotSupportedException();

        public Customer? UndoTouch(int touchId, Func<Customer, Touch, Customer> revert) => throw new NotSupportedException();

        public Touch? GetTouch(int id) => store.GetTouch(id);

        public Touch? FindTouchByExternalId(string externalId) => store.FindTouchByExternalId(externalId);

        public IReadOnlyList<Touch> RecentTouches(int customerId, int limit) => store.RecentTouches(customerId, limit);

        public IReadOnlyList<Touch> TouchesByRep(int repId, DateTimeOffset from, DateTimeOffset to) => store.TouchesByRep(repId, from, to);

        public Touch? LastTouchBy(int repId) => store.LastTouchBy(repId);

        public int CountTouches() => store.CountTouches();

        public int RefreshRecentTouches() => throw new NotSupportedException();

        public IReadOnlyList<Touch> AddTouches(IEnumerable<Touch> touches) => throw new NotSupportedException();

        public void SaveTouch(Touch touch) => throw new NotSupportedException();
    }
}
