using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Touches;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>The one <see cref="BsonMapper"/> the store uses; never <see cref="BsonMapper.Global"/>.</summary>
internal static class SalesMapper
{
    public static BsonMapper Create()
    {
        // LiteDB's defaults trim strings and turn "" into null: both would silently change what a rep typed.
        var mapper = new BsonMapper
        {
            TrimWhitespace = false,
            EmptyStringToNull = false,
            EnumAsInteger = false,
            IncludeFields = false,
            IncludeNonPublic = false,
        };

        // A day number sorts and indexes like the date itself.
        mapper.RegisterType<DateOnly>(date => date.DayNumber, bson => DateOnly.FromDayNumber(bson.AsInt32));

        // A planned touch's time of day (NextStep.Time); LiteDB has no mapping of its own for TimeOnly.
        mapper.RegisterType<TimeOnly>(time => time.Ticks, bson => new TimeOnly(bson.AsInt64));

        // LiteDB's own mapping goes through BSON DateTime: milliseconds only, and the offset is lost.
        mapper.RegisterType<DateTimeOffset>(instant => instant.UtcTicks, bson => new DateTimeOffset(bson.AsInt64, TimeSpan.Zero));

        // Up to four per customer (last touch + recent ones), mapped 400,000 times at start-up: by hand, not by
        // reflection. Same document shape as LiteDB's own mapping, so stored files read either way.
        mapper.RegisterType<TouchSummary>(
            t => new BsonDocument
            {
                ["TouchId"] = t.TouchId,
                ["Kind"] = t.Kind.ToString(),
                ["At"] = t.At.UtcTicks,
                ["LocalDate"] = t.LocalDate.DayNumber,
                ["RepId"] = t.RepId,
                ["Notes"] = t.Notes,
            },
            bson => new TouchSummary
            {
                TouchId = bson["TouchId"].AsInt32,
                Kind = Enum.Parse<TouchKind>(bson["Kind"].AsString),
                At = new DateTimeOffset(bson["At"].AsInt64, TimeSpan.Zero),
                LocalDate = DateOnly.FromDayNumber(bson["LocalDate"].AsInt32),
                RepId = bson["RepId"].AsInt32,
                Notes = bson["Notes"].AsString,
            });

        // LiteDB can create lists and arrays, but not an IReadOnlyList<T>.
        RegisterReadOnlyList<string>(mapper);
        RegisterReadOnlyList<Contact>(mapper);
        RegisterReadOnlyList<FactChange>(mapper);
        RegisterReadOnlyList<TouchSummary>(mapper);
        RegisterReadOnlyList<DayOfWeek>(mapper);
        RegisterReadOnlyList<ComplaintNote>(mapper);

        mapper.Entity<Customer>()
            .Ignore(c => c.IsProspect)
            .Ignore(c => c.NeverTouched);

        return mapper;
    }

    private static void RegisterReadOnlyList<T>(BsonMapper mapper) =>
        mapper.RegisterType<IReadOnlyList<T>>(
            list => new BsonArray(list.Select(item => mapper.Serialize(typeof(T), item))),
            bson => bson.AsArray.Select(item => (T)mapper.Deserialize(typeof(T), item)).ToArray());
}
