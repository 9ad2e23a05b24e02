using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;
using ChatSalesBot.Domain.Storage;

using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// Imports customers and prospects, matched by external id. Only the columns present in the file are changed on
/// an existing customer; what reps logged (touches, next steps, complaints) is never touched by a customer file.
/// </summary>
internal sealed class CustomerImport(ISalesStore store, CsvLookup lookup, SalesRules rules, DateOnly today) : IRowImport
{
    private readonly List<Customer> _new = [];
    private readonly List<Customer> _updated = [];
    private readonly SeenKeys _keys = new(Col.ExternalId);

    public void Stage(CsvRow row)
    {
        var key = row.Required(Col.ExternalId);
        var name = row.Name(Col.Name);
        var owner = lookup.RequiredRep(Col.Owner, row.Required(Col.Owner));
        var kind = row.Enum<CustomerKind>(Col.Kind);
        var stage = row.Enum<LifecycleStage>(Col.Stage);
        var strategic = row.Bool(Col.Strategic);
        var grade = row.Enum<ProspectGrade>(Col.Grade);
        var expectedClose = row.Date(Col.ExpectedClose);
        var satisfaction = row.Int(Col.Satisfaction, 1, 5);
        var contacts = row.Contacts(Col.Contacts);
        var createdOn = row.Date(Col.CreatedOn);
        var revenue = row.Decimal(Col.Revenue12m);
        if (revenue < 0)
        {
            throw new RowRejectedException($"{Col.Revenue12m} is negative ({revenue}): revenue over 12 months is 0 or more");
        }
        _keys.Add(key, row.Line);

        var existing = lookup.Customer(key);
        var c = existing ?? new Customer
        {
            // A "#id" key from another store's export is kept as the external id, so orders and touches find it.
            ExternalId = key,
            CreatedOn = createdOn ?? today,
            Stage = stage ?? (grade is null && expectedClose is null ? LifecycleStage.Active : LifecycleStage.Prospect),
        };
        c = c with
        {
            Name = name,
            Aliases = row.Has(Col.Aliases) ? row.Names(Col.Aliases) : c.Aliases,
            Kind = kind ?? c.Kind,
            Industry = Keep(row, Col.Industry, c.Industry),
            Region = Keep(row, Col.Region, c.Region),
            Address = Keep(row, Col.Address, c.Address),
            OwnerRepId = owner.Id,
            TeamId = owner.TeamId,
            Strategic = strategic ?? c.Strategic,
            ExpectedClose = row.Has(Col.ExpectedClose) ? expectedClose : c.ExpectedClose,
            Satisfaction = row.Has(Col.Satisfaction) ? satisfaction : c.Satisfaction,
            Contacts = row.Has(Col.Contacts) ? contacts : c.Contacts,
            CreatedOn = createdOn ?? c.CreatedOn,
            OpeningRevenue12Months = row.Has(Col.Revenue12m) ? revenue : c.OpeningRevenue12Months,
        };
        c = c.WithStage(stage ?? c.Stage, today);
        c = c with { Grade = GradeOf(c, row.Has(Col.Grade) ? grade : c.Grade) };
        (existing is null ? _new : _updated).Add(c.WithFollowUpDue(rules));
    }

    public (int Inserted, int Updated) Commit()
    {
        if (_new.Count > 0)
        {
            store.AddCustomers(_new);
        }

        if (_updated.Count > 0)
        {
            store.ReplaceCustomers(_updated);
        }

        return (_new.Count, _updated.Count);
    }

    private static string? Keep(CsvRow row, string column, string? current) => row.Has(column) ? row.Text(column) : current;

    // Only prospects have a grade; one left blank is graded as a prospect created in chat is.
    private ProspectGrade? GradeOf(Customer c, ProspectGrade? given) =>
        c.Stage != LifecycleStage.Prospect ? null : given ?? ProspectGrading.ForNew(c.ExpectedClose, today, rules);
}
