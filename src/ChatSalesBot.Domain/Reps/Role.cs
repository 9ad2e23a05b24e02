namespace ChatSalesBot.Domain.Reps;

/// <summary>What a person may see and do: reps their own book, managers their teams, admins everything.</summary>
public enum Role
{
    Rep,
    Manager,
    Admin,
}
