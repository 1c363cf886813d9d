namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Turns a plain-language question into command text ("who owns daily growth" → "owners daily growth").</summary>
public interface IQuestionRule
{
    /// <summary>The command text, or null when the question is not this rule's.</summary>
    string? Rewrite(string question);
}
