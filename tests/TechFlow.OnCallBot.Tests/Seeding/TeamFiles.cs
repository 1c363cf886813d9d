using System.Text.Json.Nodes;

namespace TechFlow.OnCallBot.Tests.Seeding;

/// <summary>Writes edited copies of the seed team file to a temp folder.</summary>
internal static class TeamFiles
{
    public static JsonObject Seed() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "techflow.json")))!.AsObject();

    public static string Write(JsonObject team)
    {
        var path = Path.Combine(Path.GetTempPath(), $"team-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, team.ToJsonString());
        return path;
    }

    public static JsonArray Engineers(JsonObject team) => team["engineers"]!.AsArray();

    public static JsonArray Pipelines(JsonObject team) => team["pipelines"]!.AsArray();

    /// <summary>Removes an engineer and hands their pipeline ownership to <paramref name="heir"/>.</summary>
    public static void RemoveEngineer(JsonObject team, string id, string heir)
    {
        var engineers = Engineers(team);
        engineers.Remove(engineers.First(e => (string?)e!["id"] == id));
        foreach (var p in Pipelines(team))
        {
            foreach (var key in new[] { "primaryOwner", "secondaryOwner" })
            {
                if ((string?)p![key] == id)
                {
                    p[key] = heir;
                }
            }

            if ((string?)p!["primaryOwner"] == (string?)p["secondaryOwner"])
            {
                p["secondaryOwner"] = "sarah-johnson" == heir ? "alex-chen" : "sarah-johnson";
            }
        }
    }

    public static void AddEngineer(JsonObject team, string id, string name, string seniority) =>
        Engineers(team).Add(new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["seniority"] = seniority,
            ["email"] = $"{id}@techflow.example",
            ["timeZone"] = "America/New_York",
        });
}
