using System.Linq.Expressions;
using System.Reflection;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// Turns a predicate or key over a record (<c>x =&gt; x.Start &lt;= t</c>) into one over its document
/// (<c>d =&gt; d.Data.Start &lt;= t</c>) that Entity Framework can translate.
/// </summary>
/// <remarks>
/// Npgsql only writes UTC <see cref="DateTimeOffset"/> parameters to <c>timestamp with time zone</c>, so every
/// instant the predicate captures (a closure variable, a static field, a computed value) is evaluated here and
/// handed on as the same instant in UTC. It stays a parameter, not a literal, so the translated query is cached
/// once per shape.
/// </remarks>
internal sealed class PredicateRewriter<T> : ExpressionVisitor where T : class
{
    private readonly ParameterExpression _record;
    private readonly Expression _data;

    private PredicateRewriter(ParameterExpression record, ParameterExpression document)
    {
        _record = record;
        _data = Expression.Property(document, nameof(Document<T>.Data));
    }

    public static Expression<Func<Document<T>, TResult>> Rewrite<TResult>(Expression<Func<T, TResult>> lambda)
    {
        var document = Expression.Parameter(typeof(Document<T>), "d");
        var body = new PredicateRewriter<T>(lambda.Parameters[0], document).Visit(lambda.Body)!;
        return Expression.Lambda<Func<Document<T>, TResult>>(body, document);
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is not null && (node.Type == typeof(DateTimeOffset) || node.Type == typeof(DateTimeOffset?))
            && node is not ParameterExpression && !Mentions(node, _record))
        {
            var value = (DateTimeOffset?)Evaluate(node);
            var box = new Box(value?.ToUniversalTime());
            Expression captured = Expression.Field(Expression.Constant(box), nameof(Box.Value));
            return node.Type == typeof(DateTimeOffset) ? Expression.Convert(captured, typeof(DateTimeOffset)) : captured;
        }

        return base.Visit(node);
    }

    protected override Expression VisitParameter(ParameterExpression node) => node == _record ? _data : node;

    private static object? Evaluate(Expression node) => node switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field } member => field.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
        MemberExpression { Member: PropertyInfo property } member => property.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
        _ => Expression.Lambda(node).Compile(preferInterpretation: true).DynamicInvoke(),
    };

    private static bool Mentions(Expression node, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(node);
        return finder.Found;
    }

    /// <summary>Holds an evaluated instant so Entity Framework sees a captured value (a parameter), not a literal.</summary>
    private sealed class Box(DateTimeOffset? value)
    {
        public readonly DateTimeOffset? Value = value;
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
