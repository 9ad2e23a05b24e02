using System.Text.RegularExpressions;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// The names CRM and ERP exports give our columns ("Account Name", "owner_email", "Account Owner", "Close Date"):
/// a header that is no column of ours but one of these names is read as that column, and the import reports the
/// mapping. A required column still missing is suggested by the nearest header name, so the admin can rename it.
/// </summary>
public static partial class CsvHeaderSynonyms
{
    private static readonly Dictionary<ImportKind, Dictionary<string, string>> Synonyms = new()
    {
        [ImportKind.Reps] = Table(
            (CsvColumns.ExternalId, ["id", "employee_id", "user_id", "hr_id"]),
            (CsvColumns.Name, ["full_name", "rep_name", "user_name", "display_name", "employee_name"]),
            (CsvColumns.Email, ["email_address", "work_email", "e_mail", "mail"]),
            (CsvColumns.Team, ["team_name", "sales_team", "department"]),
            (CsvColumns.TimeZone, ["timezone", "tz"])),
        [ImportKind.Customers] = Table(
            (CsvColumns.ExternalId, ["id", "account_id", "customer_id", "crm_id", "record_id", "account_number"]),
            (CsvColumns.Name, ["account_name", "account", "customer_name", "company", "company_name", "organization", "organisation"]),
            (CsvColumns.Owner, ["owner_email", "account_owner", "account_owner_email", "owner_id", "sales_rep", "sales_rep_email", "rep_email", "account_manager", "account_manager_email", "assigned_to"]),
            (CsvColumns.Aliases, ["aka", "also_known_as", "other_names", "alias"]),
            (CsvColumns.Kind, ["account_type", "customer_type"]),
            (CsvColumns.Region, ["territory", "sales_region", "area"]),
            (CsvColumns.Address, ["billing_address", "street_address", "full_address"]),
            (CsvColumns.Stage, ["lifecycle_stage", "status", "account_status"]),
            (CsvColumns.Strategic, ["key_account", "is_strategic"]),
            (CsvColumns.Grade, ["rating", "lead_rating", "prospect_grade"]),
            (CsvColumns.ExpectedClose, ["close_date", "expected_close_date", "estimated_close_date"]),
            (CsvColumns.Satisfaction, ["csat", "satisfaction_score"]),
            (CsvColumns.CreatedOn, ["created", "created_date", "created_at", "date_created"]),
            (CsvColumns.Revenue12m, ["revenue_12_months", "revenue_last_12_months", "revenue_ttm", "ttm_revenue", "trailing_12m_revenue", "revenue_l12m"])),
        [ImportKind.Orders] = Table(
            (CsvColumns.ExternalId, ["id", "order_id", "order_number", "invoice_id", "invoice_number"]),
            (CsvColumns.Customer, ["account_id", "customer_id", "account", "crm_id"]),
            (CsvColumns.OrderedOn, ["order_date", "ordered", "date"]),
            (CsvColumns.Amount, ["total", "order_total", "net_amount", "amount_net", "value"]),
            (CsvColumns.PaymentDueOn, ["due_date", "payment_due", "invoice_due_date"]),
            (CsvColumns.PaidOn, ["paid_date", "payment_date", "date_paid"])),
        [ImportKind.Touches] = Table(
            (CsvColumns.ExternalId, ["id", "activity_id", "task_id"]),
            (CsvColumns.Customer, ["account_id", "customer_id", "account", "crm_id"]),
            (CsvColumns.Rep, ["owner", "owner_email", "assigned_to", "user", "user_email", "sales_rep"]),
            (CsvColumns.Kind, ["type", "activity_type"]),
            (CsvColumns.At, ["date", "activity_date", "when", "start", "start_time"]),
            (CsvColumns.Notes, ["description", "comments", "comment", "subject"]),
            (CsvColumns.NextStepDue, ["next_step_date", "follow_up_date"])),
        [ImportKind.Complaints] = Table(
            (CsvColumns.Customer, ["account_id", "customer_id", "account", "crm_id"]),
            (CsvColumns.OpenedOn, ["opened", "date_opened", "created", "created_date", "created_at", "date"]),
            (CsvColumns.Summary, ["subject", "description", "complaint", "issue", "case_subject"]),
            (CsvColumns.Severity, ["priority"]),
            (CsvColumns.ResolvedOn, ["resolved", "resolved_date", "closed", "closed_date", "date_closed"]),
            (CsvColumns.Resolution, ["resolution_notes", "solution"])),
        [ImportKind.Payments] = Table(
            (CsvColumns.Order, ["order_id", "order_number", "invoice", "invoice_id", "invoice_number"]),
            (CsvColumns.PaidOn, ["paid_date", "payment_date", "date_paid", "date"]),
            (CsvColumns.Amount, ["amount_paid", "paid_amount", "payment_amount"])),
    };

    /// <summary>"Account Name", "account-name", " ACCOUNT_NAME " → "account_name".</summary>
    public static string Normalize(string header) => NotAWordCharacter().Replace(header.Trim().ToLowerInvariant(), "_").Trim('_');

    /// <summary>The column of ours a header means (itself, once normalized, or a synonym); null when none.</summary>
    public static string? ColumnFor(ImportKind kind, string header)
    {
        var key = Normalize(header);
        var schema = CsvColumns.For(kind);
        if (schema.Columns.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return key;
        }

        return Synonyms.TryGetValue(kind, out var table) && table.TryGetValue(key, out var column) ? column : null;
    }

    /// <summary>
    /// The header that most likely means <paramref name="column"/>, among the ones no column took: it contains the
    /// column's word ("Owner Name" for owner) or is spelled close to it or one of its synonyms; null when none is.
    /// </summary>
    public static string? Suggest(ImportKind kind, string column, IEnumerable<string> unmatched)
    {
        var names = Synonyms.TryGetValue(kind, out var table)
            ? table.Where(p => p.Value == column).Select(p => p.Key).Prepend(column).ToList()
            : [column];
        string? best = null;
        var bestScore = 0;
        foreach (var header in unmatched)
        {
            var key = Normalize(header);
            var score = names.Max(n => Score(key, n));
            if (score > bestScore)
            {
                (best, bestScore) = (header, score);
            }
        }

        return bestScore >= 60 ? best : null;
    }

    private static int Score(string header, string name)
    {
        if (header.Length == 0)
        {
            return 0;
        }

        var words = header.Split('_');
        if (words.Contains(name) || name.Split('_').All(w => words.Contains(w)))
        {
            return 90;
        }

        return FuzzySharp.Fuzz.Ratio(header, name);
    }

    private static Dictionary<string, string> Table(params (string Column, string[] Names)[] entries)
    {
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, names) in entries)
        {
            foreach (var name in names)
            {
                table[name] = column;
            }
        }

        return table;
    }

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotAWordCharacter();
}
