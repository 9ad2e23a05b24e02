using System.Text;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>Imports reps, matched by external id or email; teams are created from the team column.</summary>
internal sealed class RepImport(ISalesStore store) : IRowImport
{
    private readonly Dictionary<string, Team> _teams = store.AllTeams()
        .SelectMany(t => new[] { (Key: t.Id, Team: t), (Key: t.Name, Team: t) })
        .DistinctBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(p => p.Key, p => p.Team, StringComparer.OrdinalIgnoreCase);

    private readonly List<Team> _newTeams = [];
    private readonly List<Rep> _staged = [];
    private readonly SeenKeys _emails = new(Col.Email);
    private readonly SeenKeys _externalIds = new(Col.ExternalId);

    public void Stage(CsvRow row)
    {
        var email = row.Required(Col.Email);
        if (email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@') || email.Contains(' ', StringComparison.Ordinal))
        {
            throw new RowRejectedException($"bad {Col.Email} '{email}': expected an address like alice@example.com");
        }

        var name = row.Name(Col.Name);
        var teamName = row.Name(Col.Team);
        var externalId = row.Text(Col.ExternalId);
        var timeZone = row.Text(Col.TimeZone);
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new RowRejectedException($"unknown {Col.TimeZone} '{timeZone}': expected an IANA id like Europe/Berlin");
        }

        var role = row.Enum<Role>(Col.Role);
        var weekly = row.Int(Col.WeeklyVisitTarget, 0, 1000);
        var prospects = row.Int(Col.ProspectTarget, 0, 10_000);
        var active = row.Bool(Col.Active);
        var managed = row.List(Col.ManagedTeams);

        _emails.Add(email, row.Line);
        if (externalId is not null)
        {
            _externalIds.Add(externalId, row.Line);
        }

        var existing = (externalId is null ? null : store.FindRepByExternalId(externalId)) ?? store.FindRepByEmail(email);
        var rep = existing ?? new Rep();
        _staged.Add(rep with
        {
            ExternalId = externalId ?? rep.ExternalId,
            Name = name,
            Email = email,
            TeamId = TeamFor(teamName).Id,
            Role = role ?? rep.Role,
            TimeZoneId = timeZone ?? rep.TimeZoneId,
            WeeklyVisitTarget = weekly ?? rep.WeeklyVisitTarget,
            ProspectTarget = prospects ?? rep.ProspectTarget,
            ManagedTeamIds = row.Has(Col.ManagedTeams) ? [.. managed.Select(t => TeamFor(t).Id)] : rep.ManagedTeamIds,
            Active = active ?? rep.Active,
        });
    }

    public (int Inserted, int Updated) Commit()
    {
        foreach (var team in _newTeams)
        {
            store.SaveTeam(team);
        }

        foreach (var rep in _staged)
        {
            var before = rep.Id == 0 ? null : store.GetRep(rep.Id);
            store.SaveRep(rep);
            if (before is not null && before.TeamId != rep.TeamId)
            {
                // Customers carry their owner's team for visibility filters; a rep who moves takes the book along.
                store.ReplaceCustomers([.. store.CustomersOwnedBy(rep.Id).Select(c => c with { TeamId = rep.TeamId })]);
            }
        }

        var inserted = _staged.Count(r => r.Id == 0);
        return (inserted, _staged.Count - inserted);
    }

    private Team TeamFor(string nameOrId)
    {
        if (!_teams.TryGetValue(nameOrId, out var team))
        {
            team = new Team { Id = Slug(nameOrId), Name = nameOrId };
            _teams[nameOrId] = team;
            _teams.TryAdd(team.Id, team);
            _newTeams.Add(team);
        }

        return team;
    }

    /// <summary>"Key Accounts" → "key-accounts": a stable id that an admin can type.</summary>
    internal static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                slug.Append(char.ToLowerInvariant(ch));
            }
            else if (slug.Length > 0 && slug[^1] != '-' && char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-') is { Length: > 0 } s ? s : name;
    }
}
