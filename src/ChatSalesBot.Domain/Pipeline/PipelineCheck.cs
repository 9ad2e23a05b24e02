using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Pipeline;

/// <summary>A rep's live prospects against the target; the follow-up list asks to refill the pipeline when short.</summary>
public sealed record PipelineStatus(int LiveProspects, int Target)
{
    public bool NeedsRefill => LiveProspects < Target;

    public static PipelineStatus Of(Rep rep, IEnumerable<Customer> book, SalesRules rules)
    {
        var live = book.Count(c => c.Stage == LifecycleStage.Prospect && c.Grade != ProspectGrade.Parked);
        return new PipelineStatus(live, rep.ProspectTarget > 0 ? rep.ProspectTarget : rules.DefaultProspectTarget);
    }
}
