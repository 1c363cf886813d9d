using TechFlow.OnCall.Core.Runbooks;

namespace TechFlow.OnCall.Core.Tests.Runbooks;

public class IssueMatcherTests
{
    [Theory]
    [InlineData("aggregate-profit", "numbers don't match the billing system", "revenue-mismatch")]
    [InlineData("aggregate-profit", "finance says our revenue is off from the account filings", "revenue-mismatch")]
    [InlineData("aggregate-profit", "billing export hasn't landed yet", "billing-delay")]
    [InlineData("aggregate-profit", "invoices are delayed", "billing-delay")]
    [InlineData("aggregate-profit", "exchange rates api is down", "currency-conversion")]
    [InlineData("aggregate-profit", "expenses landing in the wrong department", "cost-allocation")]
    [InlineData("aggregate-profit", "profit went negative overnight", "profit-out-of-range")]
    [InlineData("aggregate-profit", "service account password expired", "expired-credentials")]
    [InlineData("aggregate-profit", "the redshift load keeps timing out", "etl-timeout")]
    [InlineData("aggregate-engagement", "late data", "late-events")]
    [InlineData("aggregate-engagement", "kafka down", "kafka-outage")]
    [InlineData("aggregate-engagement", "brokers unreachable, no clicks coming in", "kafka-outage")]
    [InlineData("aggregate-engagement", "same click counted twice", "duplicate-events")]
    [InlineData("aggregate-engagement", "a crawler is inflating engagement", "bot-traffic")]
    [InlineData("aggregate-engagement", "a field got renamed in the event payload", "schema-drift")]
    [InlineData("aggregate-engagement", "user emails showing up in the tables", "pii-exposure")]
    [InlineData("aggregate-engagement", "events lagging two days behind", "late-events")]
    [InlineData("aggregate-engagement", "mobile and web totals disagree", "cross-platform-mismatch")]
    [InlineData("executive-investor-aggregate", "spark oom", "spark-oom")]
    [InlineData("executive-investor-aggregate", "out of memory in the join", "spark-oom")]
    [InlineData("executive-investor-aggregate", "executors dying with java heap space", "spark-oom")]
    [InlineData("executive-investor-aggregate", "dashboard is showing yesterday's numbers", "stale-upstream")]
    [InlineData("executive-investor-aggregate", "NaN in the margin ratio", "divide-by-zero")]
    [InlineData("executive-investor-aggregate", "headline totals differ from the profit pipeline", "cross-report-mismatch")]
    [InlineData("executive-investor-aggregate", "the dag never triggered last night", "run-not-triggered")]
    [InlineData("executive-investor-aggregate", "redshift connections keep timing out", "warehouse-unavailable")]
    [InlineData("executive-investor-aggregate", "no space left on the warehouse disk", "warehouse-unavailable")]
    [InlineData("aggregate-growth", "seat counts don't match what sales sees", "license-count-mismatch")]
    [InlineData("aggregate-growth", "signups dropped on the ios app", "tracking-gaps")]
    [InlineData("aggregate-growth", "getting 429 too many requests", "external-api")]
    [InlineData("aggregate-growth", "utm tags missing so channels are wrong", "attribution-errors")]
    [InlineData("aggregate-growth", "accounts have no current status", "account-status-gaps")]
    [InlineData("unit-profit", "zero subscribers giving infinity", "divide-by-zero")]
    [InlineData("daily-growth", "renewals counted twice", "duplicate-status-changes")]
    public void Best_ParaphrasedSymptom_FindsTheIssue(string pipelineId, string query, string expectedIssue)
    {
        var runbook = RunbookFixtures.Get(pipelineId);

        var match = IssueMatcher.Best(runbook, query);

        Assert.True(match is not null, $"nothing matched \"{query}\"");
        Assert.Equal(expectedIssue, match.Issue.Id);
    }

    [Theory]
    [InlineData("the weather in paris")]
    [InlineData("")]
    [InlineData("the and of")]
    public void Best_UnrelatedText_FindsNothing(string query)
    {
        Assert.Null(IssueMatcher.Best(RunbookFixtures.Get("aggregate-profit"), query));
    }

    [Fact]
    public void Best_MisspelledWord_StillMatches()
    {
        var match = IssueMatcher.Best(RunbookFixtures.Get("aggregate-engagement"), "duplicat evnts");

        Assert.Equal("duplicate-events", match?.Issue.Id);
    }
}
