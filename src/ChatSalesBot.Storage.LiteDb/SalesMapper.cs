using ChatSalesBot.Domain.Customers;
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

        // LiteDB's own mapping goes through BSON DateTime: milliseconds only, and the offset is lost.
        mapper.RegisterType<DateTimeOffset>(instant => instant.UtcTicks, bson => new DateTimeOffset(bson.AsInt64, TimeSpan.Zero));

        // LiteDB can create lists and arrays, but not an IReadOnlyList<T>.
        RegisterReadOnlyList<string>(mapper);
        RegisterReadOnlyList<Contact>(mapper);
        RegisterReadOnlyList<TouchSummary>(mapper);

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
