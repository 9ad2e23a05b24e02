using System.Globalization;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// The touch roll-up (docs/storage.md, "Touch counts"): for each rep and UTC month one small document counting the
/// rep's touches per quarter of an hour (UTC) and kind, changed in the same transaction as the touch it counts
/// (logged, undone, replaced, imported), so that team questions count touches without loading one. Quarters of an
/// hour, not days: a day depends on the zone of whoever asks, and every zone's offset is a multiple of 15 minutes, so
/// any local day is a run of whole quarters. A quarter that a period's edge cuts (a period not starting on a quarter
/// hour; questions never ask one) is counted from its touches instead.
/// </summary>
public sealed partial class LiteDbSalesStore
{
    /// <summary>The document that says the roll-up was built; its id sorts after every "rep:month" id.</summary>
    private const string TouchCountsBuiltId = "~built";

    /// <summary>The counts: "ddHHqk" (UTC day of the month, hour, quarter 0–3, kind letter) → touches not undone.</summary>
    private const string HourCounts = "C";

    private const long Quarter = TimeSpan.TicksPerMinute * 15;

    private static readonly Dictionary<TouchKind, char> KindLetters = new()
    {
        [TouchKind.Visit] = 'V', [TouchKind.Call] = 'C', [TouchKind.Meeting] = 'M', [TouchKind.Email] = 'E', [TouchKind.FollowUp] = 'F',
    };

    private static readonly Dictionary<char, TouchKind> LetterKinds = KindLetters.ToDictionary(p => p.Value, p => p.Key);

    private static readonly Dictionary<string, char> KindNameLetters = KindLetters.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal);

    private ILiteCollection<BsonDocument> TouchCounts => Collection(Collections.TouchCounts);

    /// <summary>
    /// The reps' touches in [from, to) per rep, local day and kind, from the roll-up: one range read of month documents
    /// per rep, plus the touches of any quarter hour a period's edge cuts.
    /// </summary>
    public IReadOnlyList<TouchTally> TouchTallies(IReadOnlyCollection<int> repIds, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(repIds);
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from || repIds.Count == 0)
        {
            return [];
        }

        var hours = new QuarterDays(from, to, zone);
        var counts = new Dictionary<(int RepId, DateOnly Day, TouchKind Kind), int>();
        var cut = new HashSet<long>();
        var lastTick = to.AddTicks(-1);
        foreach (var repId in repIds.Distinct())
        {
            cut.Clear();
            Gate(() =>
            {
                var range = BsonExpression.Create("_id BETWEEN @0 AND @1", MonthId(repId, from), MonthId(repId, lastTick));
                foreach (var doc in TouchCounts.Find(range))
                {
                    var month = MonthOf(doc["_id"].AsString);
                    foreach (var (key, value) in doc[HourCounts].AsDocument)
                    {
                        var hour = month.AddDays(Digits(key, 0) - 1).AddHours(Digits(key, 2)).Ticks + ((key[4] - '0') * Quarter);
                        switch (hours.DayOf(hour))
                        {
                            case { } day:
                                Add(counts, (repId, day, LetterKinds[key[5]]), value.AsInt32);
                                break;
                            case null when hours.IsCut(hour):
                                cut.Add(hour);
                                break;
                        }
                    }
                }

                foreach (var hour in cut)
                {
                    var start = Math.Max(hour, from.UtcTicks);
                    var end = Math.Min(hour + Quarter, to.UtcTicks) - 1;
                    foreach (var touch in TouchesByRepQuery(repId, start, end).ToEnumerable())
                    {
                        var day = TouchTally.DayOf(new DateTimeOffset(touch["At"].AsInt64, TimeSpan.Zero), zone);
                        Add(counts, (repId, day, Enum.Parse<TouchKind>(touch["Kind"].AsString)), 1);
                    }
                }

                return true;
            });
        }

        return [.. counts.Select(c => new TouchTally(c.Key.RepId, c.Key.Day, c.Key.Kind, c.Value))];
    }

    /// <summary>
    /// Rebuilds the roll-up from the touches, in one transaction: on open when it was never built (a file from before
    /// it), and for a caller that found it wrong (<see cref="Verify"/> compares the two).
    /// </summary>
    public void RebuildTouchCounts() => Write(() =>
    {
        var counts = TouchCounts;
        counts.DeleteAll();
        foreach (var doc in CountedFrom(Touches))
        {
            counts.Insert(doc);
        }

        counts.Insert(new BsonDocument { ["_id"] = TouchCountsBuiltId, ["At"] = Clock.GetUtcNow().UtcTicks });
        return true;
    });

    /// <summary>
    /// Puts right the touch counts of every rep whose counts differ from their touches, one rep at a time (each
    /// compared under the writer lock for a moment, and rewritten in a write of its own only when they differ), so
    /// that the nightly recompute, imports and seeding leave them right without holding the lock for the whole pass.
    /// Returns how many reps' counts were rewritten.
    /// </summary>
    public int RefreshTouchCounts()
    {
        var reps = Gate(() => _db.GetCollection(Collections.Reps).Query().Select("_id").ToEnumerable().Select(d => d["_id"].AsInt32).ToList());
        reps.AddRange(Gate(() => TouchCounts.Query().Select("_id").ToEnumerable().Select(d => d["_id"].AsString)
            .Where(id => id != TouchCountsBuiltId).Select(id => int.Parse(id.AsSpan(0, 10), CultureInfo.InvariantCulture)).ToList()));
        var fixedReps = 0;
        foreach (var repId in reps.Distinct())
        {
            if (Gate(() => CountsDiffer(repId)))
            {
                fixedReps += Write(() =>
                {
                    if (!CountsDiffer(repId))
                    {
                        return 0;
                    }

                    var counts = TouchCounts;
                    counts.DeleteMany(BsonExpression.Create("_id BETWEEN @0 AND @1", MonthId(repId, 0), MonthId(repId, DateTimeOffset.MaxValue.UtcTicks)));
                    foreach (var doc in CountedFrom(TouchesByRepQuery(repId, 0, DateTimeOffset.MaxValue.UtcTicks).ToEnumerable().Reverse()))
                    {
                        counts.Insert(doc);
                    }

                    return 1;
                });
            }
        }

        return fixedReps;
    }

    /// <summary>Whether the rep's stored month documents differ from what their touches make.</summary>
    private bool CountsDiffer(int repId)
    {
        var stored = TouchCounts.Find(BsonExpression.Create("_id BETWEEN @0 AND @1", MonthId(repId, 0), MonthId(repId, DateTimeOffset.MaxValue.UtcTicks)))
            .ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);
        foreach (var expected in CountedFrom(TouchesByRepQuery(repId, 0, DateTimeOffset.MaxValue.UtcTicks).ToEnumerable().Reverse()))
        {
            if (!stored.Remove(expected["_id"].AsString, out var found) || !SameCounts(found[HourCounts].AsDocument, expected[HourCounts].AsDocument))
            {
                return true;
            }
        }

        return stored.Count > 0;
    }

    /// <summary>At open: builds the roll-up of a file that has none yet.</summary>
    private void EnsureTouchCounts()
    {
        if (Gate(() => TouchCounts.FindById(TouchCountsBuiltId)) is null)
        {
            RebuildTouchCounts();
        }
    }

    /// <summary>Inside a write: the touch counts <paramref name="delta"/> (1 logged, -1 undone or replaced) in its hour.</summary>
    private void CountTouch(Touch touch, int delta) => CountTouches([(touch.RepId, touch.At.UtcTicks, KindLetters[touch.Kind])], delta);

    /// <summary>Inside a write: each touch counts <paramref name="delta"/>; one read and one write per rep and month.</summary>
    private void CountTouches(IEnumerable<(int RepId, long AtTicks, char Kind)> touches, int delta)
    {
        var counts = TouchCounts;
        foreach (var month in touches.GroupBy(t => MonthId(t.RepId, t.AtTicks), StringComparer.Ordinal))
        {
            var doc = counts.FindById(month.Key) ?? new BsonDocument { ["_id"] = month.Key, [HourCounts] = new BsonDocument() };
            var hours = doc[HourCounts].AsDocument;
            foreach (var touch in month)
            {
                var key = HourKey(touch.AtTicks, touch.Kind);
                var n = (hours.TryGetValue(key, out var had) ? had.AsInt32 : 0) + delta;
                if (n > 0)
                {
                    hours[key] = n;
                }
                else
                {
                    hours.Remove(key);
                }
            }

            if (hours.Count > 0)
            {
                counts.Upsert(doc);
            }
            else
            {
                counts.Delete(month.Key);
            }
        }
    }

    /// <summary>Inside a write: a touch replaced by <paramref name="replacement"/> stops counting, the replacement counts.</summary>
    private void RecountReplaced(Touch? replaced, Touch replacement)
    {
        if (replaced is { Undone: false })
        {
            CountTouch(replaced, -1);
        }

        if (!replacement.Undone)
        {
            CountTouch(replacement, 1);
        }
    }

    /// <summary>Inside a write: the stored touch documents of a bulk insert, counted (undone ones are not).</summary>
    private void CountTouchDocuments(IEnumerable<BsonDocument> touches) => CountTouches(
        touches.Where(t => !t["Undone"].AsBoolean).Select(t => (t["RepId"].AsInt32, t["At"].AsInt64, KindNameLetters[t["Kind"].AsString])), 1);

    /// <summary>
    /// The roll-up the touches make, one document per rep and month in id order, from one walk of the RepAt index
    /// (rep, then time), holding one month's counts at a time.
    /// </summary>
    private static IEnumerable<BsonDocument> CountedFrom(ILiteCollection<BsonDocument> touches) =>
        CountedFrom(touches.Query().OrderBy(TouchRepAtKey).ToEnumerable());

    /// <summary>The roll-up of touches in rep and time order (undone ones are skipped).</summary>
    private static IEnumerable<BsonDocument> CountedFrom(IEnumerable<BsonDocument> touchesInOrder)
    {
        BsonDocument? current = null;
        foreach (var touch in touchesInOrder)
        {
            if (touch["Undone"].AsBoolean)
            {
                continue;
            }

            var ticks = touch["At"].AsInt64;
            var id = MonthId(touch["RepId"].AsInt32, ticks);
            if (current is null || current["_id"].AsString != id)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = new BsonDocument { ["_id"] = id, [HourCounts] = new BsonDocument() };
            }

            var hours = current[HourCounts].AsDocument;
            var key = HourKey(ticks, KindNameLetters[touch["Kind"].AsString]);
            hours[key] = (hours.TryGetValue(key, out var had) ? had.AsInt32 : 0) + 1;
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>For <see cref="Verify"/>: the rep-months whose stored counts differ from what the touches make.</summary>
    private static List<string> TouchCountProblems(LiteDatabase db)
    {
        var stored = db.GetCollection(Collections.TouchCounts);
        if (stored.FindById(TouchCountsBuiltId) is null)
        {
            return [];
        }

        var kept = stored.FindAll().Where(d => d["_id"].AsString != TouchCountsBuiltId).ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);
        var wrong = 0;
        foreach (var expected in CountedFrom(db.GetCollection(Collections.Touches)))
        {
            if (!kept.Remove(expected["_id"].AsString, out var found) || !SameCounts(found[HourCounts].AsDocument, expected[HourCounts].AsDocument))
            {
                wrong++;
            }
        }

        wrong += kept.Count;
        return wrong == 0
            ? []
            : [string.Create(CultureInfo.InvariantCulture,
                $"{Collections.TouchCounts}: the touch counts of {wrong:N0} rep-months differ from the touches, so team questions count wrong (`recompute` rebuilds them)")];
    }

    private static bool SameCounts(BsonDocument a, BsonDocument b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v.AsInt32 == p.Value.AsInt32);

    private static void Add<TKey>(Dictionary<TKey, int> counts, TKey key, int n)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + n;

    private static int Digits(string key, int at) => ((key[at] - '0') * 10) + key[at + 1] - '0';

    private static string MonthId(int repId, DateTimeOffset at) => MonthId(repId, at.UtcTicks);

    private static string MonthId(int repId, long utcTicks)
    {
        var at = new DateTime(utcTicks, DateTimeKind.Utc);
        return string.Create(CultureInfo.InvariantCulture, $"{repId:D10}:{at.Year:D4}-{at.Month:D2}");
    }

    private static DateTime MonthOf(string id) => new(
        int.Parse(id.AsSpan(11, 4), CultureInfo.InvariantCulture), int.Parse(id.AsSpan(16, 2), CultureInfo.InvariantCulture), 1, 0, 0, 0, DateTimeKind.Utc);

    private static string HourKey(long utcTicks, char kind)
    {
        var at = new DateTime(utcTicks, DateTimeKind.Utc);
        return string.Create(CultureInfo.InvariantCulture, $"{at.Day:D2}{at.Hour:D2}{at.Minute / 15}{kind}");
    }

    /// <summary>
    /// For each quarter hour (UTC) that a period [from, to) touches: its local day when the whole quarter lies in the
    /// period and in one local day; otherwise it is cut (counted from its touches) or outside.
    /// </summary>
    private sealed class QuarterDays
    {
        private readonly long _first;
        private readonly long _from;
        private readonly long _to;
        private readonly DateOnly?[] _days;

        public QuarterDays(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
        {
            _from = from.UtcTicks;
            _to = to.UtcTicks;
            _first = _from - (_from % Quarter);
            _days = new DateOnly?[(int)((_to - _first + Quarter - 1) / Quarter)];

            // The local days' first instants, one zone conversion a day (not two a quarter); a quarter lies in a day
            // when it starts on or after the day's first instant and ends by the next day's.
            var day = TouchTally.DayOf(new DateTimeOffset(_first, TimeSpan.Zero), zone);
            var start = StartOf(day, zone);
            var next = StartOf(day.AddDays(1), zone);
            for (var i = 0; i < _days.Length; i++)
            {
                var begins = _first + (i * Quarter);
                var ends = begins + Quarter;
                while (begins >= next)
                {
                    day = day.AddDays(1);
                    start = next;
                    next = StartOf(day.AddDays(1), zone);
                }

                if (begins >= _from && ends <= _to && begins >= start && ends <= next)
                {
                    _days[i] = day;
                }
            }
        }

        private static long StartOf(DateOnly day, TimeZoneInfo zone) => RepClock.Instant(day.ToDateTime(TimeOnly.MinValue), zone).UtcTicks;

        /// <summary>The local day of the whole quarter starting at <paramref name="start"/>; null when it is cut or outside.</summary>
        public DateOnly? DayOf(long start) => start >= _first && start < _to ? _days[(start - _first) / Quarter] : null;

        /// <summary>The quarter overlaps the period but is not wholly in it and in one local day.</summary>
        public bool IsCut(long start) => start + Quarter > _from && start < _to && DayOf(start) is null;
    }
}
