using System.Reflection;
using System.Reflection.Emit;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Tests.Conventions;

/// <summary>
/// Finds code that touches planned <see cref="Shift"/> records: a field, parameter or return type that mentions
/// <see cref="Shift"/>, or IL that calls, reads or names a member whose type or generic arguments mention it (a
/// <c>Set&lt;Shift&gt;()</c>, an expression tree over <c>Shift.Start</c>, a <c>ScheduleService.Shifts</c> call through
/// <c>var</c>). Reads IL rather than source so that nothing typed as <c>var</c> slips through.
/// </summary>
internal static class PlannedShiftReaders
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>"Type.Member: what" for every place in <paramref name="types"/> that touches planned shifts.</summary>
    public static IEnumerable<string> In(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            foreach (var field in type.GetFields(Everything).Where(f => Mentions(f.FieldType)))
            {
                yield return $"{type.FullName}.{field.Name}: field of type {field.FieldType.Name}";
            }

            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                foreach (var offence in In(type, method))
                {
                    yield return $"{type.FullName}.{method.Name}: {offence}";
                }
            }
        }
    }

    public static bool Mentions(Type? type) =>
        type is not null
        && (type == typeof(Shift)
            || (type.HasElementType && Mentions(type.GetElementType()))
            || (type.IsGenericType && type.GetGenericArguments().Any(Mentions)));

    private static IEnumerable<string> In(Type type, MethodBase method)
    {
        if (method is MethodInfo m && Mentions(m.ReturnType))
        {
            yield return $"returns {m.ReturnType.Name}";
        }

        foreach (var p in method.GetParameters().Where(p => Mentions(p.ParameterType)))
        {
            yield return $"parameter {p.Name}";
        }

        foreach (var member in Members(type, method))
        {
            if (Touches(member))
            {
                yield return $"uses {member.DeclaringType?.Name}.{member.Name}";
            }
        }
    }

    private static bool Touches(MemberInfo member) => member switch
    {
        Type t => Mentions(t),
        MethodInfo m => Mentions(m.DeclaringType) || Mentions(m.ReturnType) || (m.IsGenericMethod && m.GetGenericArguments().Any(Mentions)),
        ConstructorInfo c => Mentions(c.DeclaringType),
        FieldInfo f => Mentions(f.DeclaringType) || Mentions(f.FieldType),
        _ => false,
    };

    /// <summary>The members named by the method's IL (calls, field accesses, type tokens, ldtoken).</summary>
    private static List<MemberInfo> Members(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        var found = new List<MemberInfo>();
        if (il is null)
        {
            return found;
        }

        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var code = Codes[value];
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                try
                {
                    found.Add(method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs)!);
                }
                catch (ArgumentException)
                {
                    // A token in an open generic context the module cannot resolve on its own: nothing of ours.
                }
            }

            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }

        return found;
    }
}
