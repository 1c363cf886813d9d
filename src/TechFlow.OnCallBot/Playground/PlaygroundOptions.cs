namespace TechFlow.OnCallBot.Playground;

/// <summary>Configuration section <c>Playground</c>: who may use the local chat page and its JSON routes.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>False removes the playground everywhere (every route answers 404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Unset: the playground answers only when the host listens on loopback alone, and only requests made directly on
    /// this machine. Set (16 characters or more): it answers anywhere, to requests that carry it
    /// (<c>Authorization: Bearer …</c>, or <c>?token=…</c> when opening the page).
    /// </summary>
    public string? Token { get; set; }

    public bool HasToken => !string.IsNullOrEmpty(Token);
}
