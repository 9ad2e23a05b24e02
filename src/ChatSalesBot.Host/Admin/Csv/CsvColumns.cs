using ChatSalesBot.Domain;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>The columns of one CSV kind, shared by import and export so that an export imports back unchanged.</summary>
public sealed record CsvSchema(ImportKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<string> Required)
{
    public string FileName => $"{Kind.ToString().ToLowerInvariant()}.csv";
}

/// <summary>Column names (matched case-insensitively on import). See docs/import-export.md.</summary>
public static class CsvColumns
{
    public const string ExternalId = "external_id";
    public const string Name = "name";
    public const string Email = "email";
    public const string Team = "team";
    public const string Role = "role";
    public const string TimeZone = "time_zone";
    public const string WeeklyVisitTarget = "weekly_visit_target";
    public const string ProspectTarget = "prospect_target";
    public const string ManagedTeams = "managed_teams";
    public const string Active = "active";

    public const string Aliases = "aliases";
    public const string Kind = "kind";
    public const string Industry = "industry";
    public const string Region = "region";
    public const string Address = "address";
    public const string Owner = "owner";
    public const string Stage = "stage";
    public const string Strategic = "strategic";
    public const string Grade = "grade";
    public const string ExpectedClose = "expected_close";
    public const string Satisfaction = "satisfaction";
    public const string Contacts = "contacts";
    public const string CreatedOn = "created_on";

    /// <summary>Revenue over the last 12 months from the CRM: the opening revenue for tiering until orders exist.</summary>
    public const string Revenue12m = "revenue_12m";

    /// <summary>payments.csv: the order (its external id) an invoice payment is for.</summary>
    public const string Order = "order";

    public const string Summary = "summary";
    public const string OpenedOn = "opened_on";
    public const string Severity = "severity";
    public const string ResolvedOn = "resolved_on";
    public const string Resolution = "resolution";

    public const string Customer = "customer";
    public const string OrderedOn = "ordered_on";
    public const string Amount = "amount";
    public const string PaymentDueOn = "payment_due_on";
    public const string PaidOn = "paid_on";

    public const string Rep = "rep";
    public const string At = "at";
    public const string Notes = "notes";
    public const string Outcome = "outcome";
    public const string NextStep = "next_step";
    public const string NextStepDue = "next_step_due";

    public static readonly CsvSchema Reps = new(ImportKind.Reps,
        [ExternalId, Name, Email, Team, Role, TimeZone, WeeklyVisitTarget, ProspectTarget, ManagedTeams, Active],
        [Name, Email, Team]);

    public static readonly CsvSchema Customers = new(ImportKind.Customers,
        [ExternalId, Name, Aliases, Kind, Industry, Region, Address, Owner, Stage, Strategic, Grade, ExpectedClose,
            Satisfaction, Contacts, CreatedOn, Revenue12m],
        [ExternalId, Name, Owner]);

    public static readonly CsvSchema Orders = new(ImportKind.Orders,
        [ExternalId, Customer, OrderedOn, Amount, PaymentDueOn, PaidOn],
        [ExternalId, Customer, OrderedOn, Amount]);

    public static readonly CsvSchema Touches = new(ImportKind.Touches,
        [ExternalId, Customer, Rep, Kind, At, Notes, Outcome, NextStep, NextStepDue],
        [ExternalId, Customer, Rep, At]);

    public static readonly CsvSchema Payments = new(ImportKind.Payments, [Order, PaidOn, Amount], [Order, PaidOn]);

    public static readonly CsvSchema Complaints = new(ImportKind.Complaints,
        [Customer, OpenedOn, Summary, Severity, ResolvedOn, Resolution], [Customer, OpenedOn, Summary]);

    /// <summary>The longest value a column takes (<see cref="FieldLimits"/>, the same as chat's).</summary>
    public static int MaxLength(string column) => column.ToLowerInvariant() switch
    {
        Name => FieldLimits.Name,
        Summary or Resolution => FieldLimits.Notes,
        Notes => FieldLimits.Notes,
        NextStep or Outcome => FieldLimits.NextStep,
        Aliases or Contacts or ManagedTeams => FieldLimits.List,
        _ => FieldLimits.Text,
    };

    public static CsvSchema For(ImportKind kind) => kind switch
    {
        ImportKind.Reps => Reps,
        ImportKind.Customers => Customers,
        ImportKind.Orders => Orders,
        ImportKind.Payments => Payments,
        ImportKind.Complaints => Complaints,
        _ => Touches,
    };
}
