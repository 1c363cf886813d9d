using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Roster;

/// <summary>Reads engineers and stakeholders, and resolves chat identities to engineers.</summary>
/// <remarks>Reads the in-memory <see cref="OnCallReadModel"/> when there is one (outside a unit of work), else the store.</remarks>
public sealed class RosterService(IOnCallStore store, OnCallReadModel? readModel = null)
{
    public IReadOnlyList<Engineer> Engineers() => Model?.Engineers ?? store.Set<Engineer>().All();

    public IReadOnlyList<Engineer> Rotation() => Model is { } model
        ? model.Memo(nameof(Rotation), _ => RotationOf(model.Engineers))
        : RotationOf(store.Set<Engineer>().All());

    public Engineer? Manager() => Engineers().FirstOrDefault(e => e.IsManager);

    public Engineer? Find(string? id) => string.IsNullOrEmpty(id) ? null
        : Model is { } model ? model.Engineer(id) : store.Set<Engineer>().Get(id);

    public IReadOnlyList<Stakeholder> Stakeholders() => Model?.Stakeholders ?? store.Set<Stakeholder>().All();

    public Stakeholder? Stakeholder(string id) => Model is { } model ? model.Stakeholder(id) : store.Set<Stakeholder>().Get(id);

    /// <summary>
    /// Finds an engineer from what a user typed: an id or an engineer reference (<c>@lisa-wang</c>, which is also what
    /// the adapters turn a mention into), an <c>@first</c> name, a full name, or a first name.
    /// </summary>
    public Engineer? Resolve(string text)
    {
        var t = text.Trim().TrimStart('@');
        if (t.Length == 0)
        {
            return null;
        }

        var all = Engineers();
        return all.FirstOrDefault(e => string.Equals(e.Id, t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.Name, t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.Name.Replace(' ', '.'), t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.Email, t, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(e => string.Equals(e.FirstName, t, StringComparison.OrdinalIgnoreCase));
    }

    public Engineer? BySlackId(string slackUserId) => Model is { } model
        ? model.Engineers.FirstOrDefault(e => string.Equals(e.SlackUserId, slackUserId, StringComparison.OrdinalIgnoreCase))
        : store.Set<Engineer>().Find(e => e.SlackUserId == slackUserId).FirstOrDefault();

    public Engineer? ByTeamsId(string? teamsUserId, string? aadObjectId)
    {
        if (Model is { } model)
        {
            return (aadObjectId is null ? null : model.Engineers.FirstOrDefault(e => string.Equals(e.TeamsAadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)))
                ?? (teamsUserId is null ? null : model.Engineers.FirstOrDefault(e => string.Equals(e.TeamsUserId, teamsUserId, StringComparison.OrdinalIgnoreCase)));
        }

        var set = store.Set<Engineer>();
        return (aadObjectId is null ? null : set.Find(e => e.TeamsAadObjectId == aadObjectId).FirstOrDefault())
            ?? (teamsUserId is null ? null : set.Find(e => e.TeamsUserId == teamsUserId).FirstOrDefault());
    }

    public Engineer? ByEmail(string email) =>
        Engineers().FirstOrDefault(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase));

    private ReadModelSnapshot? Model => readModel?.TryCurrent();

    private static List<Engineer> RotationOf(IReadOnlyList<Engineer> engineers) =>
        [.. engineers.Where(e => e.InRotation).OrderBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>Stores a learned identity mapping (for example a Slack id found by email).</summary>
    public void Save(Engineer engineer) => store.Write(s => s.Set<Engineer>().Upsert(engineer));
}
