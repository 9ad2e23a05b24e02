namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>
/// Plausible, distinct company names from word lists ("Harbor Point Dental LLC", "Okafor & Silva Freight"), so that
/// exact, prefix and typo look-ups in a large book hit one customer or a small, realistic group of near names.
/// </summary>
internal sealed class CompanyNames(Random random)
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reserves names taken elsewhere (the demo's well-known companies) so that none is generated twice.</summary>
    public void Reserve(string name) => _used.Add(name);

    public string Next()
    {
        for (var attempt = 0; ; attempt++)
        {
            var core = random.Pick(SeedWords.CompanyCores);
            var suffix = random.Pick(SeedWords.CompanySuffixes);
            var name = random.Next(4) switch
            {
                0 => $"{random.Pick(SeedWords.LastNames)} {core}",
                1 => $"{random.Pick(SeedWords.LastNames)} & {random.Pick(SeedWords.LastNames)} {core}",
                _ => $"{random.Pick(SeedWords.CompanyPrefixes)} {core}",
            };
            name = suffix.Length == 0 ? name : $"{name} {suffix}";
            if (attempt > 5)
            {
                // The word lists give some hundred thousand names; past that, a place tells namesakes apart.
                name = $"{name} ({random.Pick(SeedWords.Regions)} {random.Next(1, 100)})";
            }

            if (_used.Add(name))
            {
                return name;
            }
        }
    }
}
