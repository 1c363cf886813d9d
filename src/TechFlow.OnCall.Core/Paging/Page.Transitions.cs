namespace TechFlow.OnCall.Core.Paging;

/// <summary>The page's own state changes: each returns the page it becomes, or why it stays as it is.</summary>
public sealed partial record Page
{
    /// <summary>Stops the climb. A second acknowledgement, or one after resolution, changes nothing.</summary>
    public PageResult Acknowledge(string by, DateTimeOffset now) => Status switch
    {
        PageStatus.Resolved => new PageResult.AlreadyResolved(this),
        PageStatus.Acknowledged => new PageResult.AlreadyAcknowledged(this),
        _ => new PageResult.Acknowledged(this with { Status = PageStatus.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = by, NextEscalationAt = null }),
    };

    /// <summary>Closes the page; an unacknowledged page counts as acknowledged now, by the same person.</summary>
    public PageResult Resolve(string by, DateTimeOffset now) => Status == PageStatus.Resolved
        ? new PageResult.AlreadyResolved(this)
        : new PageResult.Resolved(this with
        {
            Status = PageStatus.Resolved,
            ResolvedAt = now,
            ResolvedBy = by,
            AcknowledgedAt = AcknowledgedAt ?? now,
            AcknowledgedBy = AcknowledgedBy ?? by,
            NextEscalationAt = null,
        });

    /// <summary>
    /// Climbs to the next level by hand (the last level again when it is already there). Refused once resolved, and
    /// within <see cref="PagingTargets.EscalateDebounce"/> of the last climb (a double press).
    /// </summary>
    public PageResult Escalate(IReadOnlyList<EscalationStep> chain, string by, DateTimeOffset now)
    {
        if (Status == PageStatus.Resolved)
        {
            return new PageResult.AlreadyResolved(this);
        }

        if (now - LevelStartedAt < PagingTargets.EscalateDebounce)
        {
            return new PageResult.JustEscalated(this);
        }

        var climb = Climb(chain, Level + 1, now, now, manual: by);
        return new PageResult.Escalated(climb.Page, climb);
    }

    /// <summary>When the wait of the level pinged last ran out, if the page is open, unacknowledged and due by <paramref name="now"/>.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset now) =>
        Status == PageStatus.Open && NextEscalationAt is { } at && at <= now ? at : null;

    /// <summary>A later page with the same pipeline and message joined this one instead of paging again.</summary>
    public Page Joined() => this with { JoinCount = JoinCount + 1 };

    /// <summary>
    /// Pings <paramref name="level"/> of <paramref name="chain"/> (or repeats the last level), passing over levels with
    /// nobody (each noted), and sets the next due time while the page is open.
    /// </summary>
    /// <param name="due">When this step was due; the level's wait counts from it unless the bot is so late that the
    /// wait would already be over, in which case the level gets its full wait from <paramref name="now"/>.</param>
    /// <param name="manual">Who escalated by hand; null when the wait ran out or the page opened.</param>
    public PageClimb Climb(IReadOnlyList<EscalationStep> chain, int level, DateTimeOffset due, DateTimeOffset now, string? manual)
    {
        var last = chain[^1].Level.Number;
        var repeat = level > last;
        var step = repeat ? chain[^1] : chain.First(s => s.Level.Number >= level);
        var skipped = new List<string>();
        while (!repeat && step.Engineer is null && step.Level.Number < last)
        {
            // A level with nobody is passed over, never silently: the note goes on the page and into its messages.
            // A stand-in secondary already paged at level 1 is not a hole, so it is not reported.
            if (step.Level.Target != EscalationTarget.SecondaryOnCall || !step.AlreadyPaged)
            {
                skipped.Add(step.SkippedNote);
            }

            var next = step.Level.Number + 1;
            step = chain.First(s => s.Level.Number >= next);
        }

        var round = repeat ? Round + 1 : 0;
        var started = now - due < step.Level.Wait ? due : now;
        var notification = new PageNotification
        {
            Level = step.Level.Number,
            Round = round,
            EngineerId = step.Engineer?.Id,
            Role = step.Role,
            At = now,
            Key = repeat ? PageKeys.Repeat(Id, step.Level.Number, round) : PageKeys.Direct(Id, step.Level.Number),
            Manual = manual is not null,
            Skipped = skipped,
        };
        var updated = this with
        {
            Level = step.Level.Number,
            Round = round,
            LevelStartedAt = started,
            NextEscalationAt = Status == PageStatus.Open ? started + step.Level.Wait : null,
            Notifications = [.. Notifications, notification],
        };
        return new PageClimb(updated, notification, step, repeat, started - LevelStartedAt, manual);
    }
}
