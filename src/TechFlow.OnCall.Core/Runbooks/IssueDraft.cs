namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>An issue section while it is being read.</summary>
internal sealed class IssueDraft(int line, string title)
{
    private readonly HashSet<string> _set = [];

    public int Line => line;
    public string Title => title;
    public string Id { get; private set; } = "";
    public string Symptom { get; private set; } = "";
    public string Causes { get; private set; } = "";
    public string Keywords { get; private set; } = "";
    public string Escalate { get; private set; } = "";
    public List<string> Steps { get; } = [];

    public string Get(string key) => key switch
    {
        "id" => Id,
        "symptom" => Symptom,
        "causes" => Causes,
        "keywords" => Keywords,
        "escalate" => Escalate,
        _ => "",
    };

    /// <summary>Sets a field; false with the problem when the field is unknown, repeated or malformed.</summary>
    public bool Set(string key, string value, out string problem, bool append = false)
    {
        problem = "";
        if (!append && !_set.Add(key))
        {
            problem = $"'{RunbookParser.Title(key)}' is already set in this issue";
            return false;
        }

        switch (key)
        {
            case "id": Id = value; break;
            case "symptom": Symptom = value; break;
            case "causes": Causes = value; break;
            case "keywords": Keywords = value; break;
            case "escalate": Escalate = value; break;
            case "steps" when value.Length == 0: break;
            case "steps":
                problem = "write the steps as numbered lines below 'Steps:'";
                return false;
            default:
                problem = $"unknown field '{key}' in an issue (expected Id, Symptom, Causes, Keywords, Steps, Escalate)";
                return false;
        }

        return true;
    }
}
