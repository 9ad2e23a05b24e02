namespace ChatSalesBot.Domain.Reps;

/// <summary>A sales team: the unit of confidentiality.</summary>
public sealed record Team
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";
}
