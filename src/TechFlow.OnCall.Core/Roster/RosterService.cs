using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Roster;

/// <summary>Reads engineers and stakeholders, and resolves chat identities to engineers.</summary>
public sealed class RosterService(IOnCallStore store)
{
    public IReadOnlyList<Engineer> Engineers() => store.Set<Engineer>().All();

    public IReadOnlyList<Engineer> Rotation() =>
        [.. store.Set<Engineer>().All().Where(e => e.InRotation).OrderBy(e => e.Id, StringComparer.Ordinal)];

    public Engineer? Manager() => store.Set<Engineer>().All().FirstOrDefault(e => e.IsManager);

    public Engineer? Find(string? id) => string.IsNullOrEmpty(id) ? null : store.Set<Engineer>().Get(id);

    public IReadOnlyList<Stakeholder> Stakeholders() => store.Set<Stakeholder>().All();

    public Stakeholder? Stakeholder(string id) => store.Set<Stakeholder>().Get(id);

    /// <summary>
    /// Finds an engineer from what a user typed: an id, a Slack mention <c>&lt;@U…&gt;</c>, an <c>@first</c> name,
    /// a full name, or a first name.
    /// </summary>
    public Engineer? Resolve(string text)
    {
        var t = text.Trim().TrimStart('@');
        if (t.Length == 0)
        {
            return null;
        }

        if (t.StartsWith("<@", StringComparison.Ordinal) || t.StartsWith('<'))
        {
            var inner = t.Trim('<', '>', '@');
            var slackId = inner.Split('|')[0];
            return Engineers().FirstOrDefault(e => string.Equals(e.SlackUserId, slackId, StringComparison.OrdinalIgnoreCase));
        }

        var all = Engineers();
        return all.FirstOrDefault(e => string.Equals(e.Id, t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.Name, t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.Name.Replace(' ', '.'), t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.Email, t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.FirstName, t, StringComparison.OrdinalIgnoreCase));
    }

    public Engineer? BySlackId(string slackUserId) =>
        store.Set<Engineer>().Find(e => e.SlackUserId == slackUserId).FirstOrDefault();

    public Engineer? ByTeamsId(string? teamsUserId, string? aadObjectId)
    {
        var set = store.Set<Engineer>();
        return (aadObjectId is null ? null : set.Find(e => e.TeamsAadObjectId == aadObjectId).FirstOrDefault())
            ?? (teamsUserId is null ? null : set.Find(e => e.TeamsUserId == teamsUserId).FirstOrDefault());
    }

    public Engineer? ByEmail(string email) =>
        Engineers().FirstOrDefault(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Stores a learned identity mapping (for example a Slack id found by email).</summary>
    public void Save(Engineer engineer) => store.Write(s => s.Set<Engineer>().Upsert(engineer));
}
