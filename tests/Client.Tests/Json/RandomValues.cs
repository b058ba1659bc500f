using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests.Json;

/// <summary>
/// Seeded random instances of any DTO shape, built by reflection: the constructor System.Text.Json would choose gets
/// random arguments, then every other settable (or init-only) property a random value. Values lean on the edges:
/// empty strings, control characters, quotes and backslashes, surrogate pairs, min/max integers, float and decimal
/// extremes, non-zero offsets, every <see cref="DateTimeKind"/>, empty and null collections, null nested objects.
/// The same seed always gives the same instance.
/// </summary>
/// <remarks>
/// Values that are not valid JSON or that System.Text.Json itself cannot write are never produced: NaN and infinities,
/// lone surrogates, enum values without a name (and <c>UnknownEnumValue</c>, which OciRaw deliberately never sends —
/// both are covered by focused tests), <c>default(JsonElement)</c>. A <c>JsonElement?</c> is null rather than a JSON
/// null element, whose round trip is ambiguous (JSON null reads back as a null <c>JsonElement?</c>, in STJ too).
/// </remarks>
internal sealed class RandomValues
{
    private static readonly string[] EdgeStrings =
    [
        "", " ", "a", "\"", "\\", "/", "\"\\\"", "\\u0041", "\b\f\n\r\t", "\0", "\u0001\u001f", "\u007f", "é", "中文",
        "😀", "𝄞", "a😀b", "<script>&'+`", "\u2028\u2029", "\ufeff", "\ufffd", "\ud7ff\ue000", "null", "true", "0", "-",
        "ocid1.instance.oc1.iad.abcdefghijklmnop", "Ünïcödé ñ", "line1\r\nline2",
    ];

    private static readonly string[] Fragments =
    [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\0", "\u001b", "\u007f", "\u0080", "é", "ß", "中", "😀", "𝄞",
        "\u2028", "<", ">", "&", "'", "+", "`", "%", "\ufeff", "\uffff", "ocid", ".", "-", "_",
    ];

    private readonly Random _random;
    private readonly NullabilityInfoContext _nullability = new();
    private readonly int _maxDepth;

    public RandomValues(int seed, int maxDepth = 3)
    {
        _random = new Random(seed);
        _maxDepth = maxDepth;
    }

    public T Create<T>() => (T)CreateObject(typeof(T), 0);

    /// <summary>A random JSON value (any kind, nested up to <paramref name="depth"/>) as a <see cref="JsonElement"/>.</summary>
    public JsonElement JsonValue(int depth, bool allowNull = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteRandomJson(writer, depth, allowNull);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public string String()
    {
        int pick = _random.Next(10);
        if (pick < 3)
        {
            return EdgeStrings[_random.Next(EdgeStrings.Length)];
        }

        if (pick == 3 && _random.Next(4) == 0)
        {
            // Long enough to cross the writer's internal buffer boundaries.
            var longText = new StringBuilder();
            while (longText.Length < 600)
            {
                longText.Append(Fragments[_random.Next(Fragments.Length)]);
            }

            return longText.ToString();
        }

        var text = new StringBuilder();
        int parts = _random.Next(1, 10);
        for (int i = 0; i < parts; i++)
        {
            switch (_random.Next(4))
            {
                case 0:
                    text.Append(Fragments[_random.Next(Fragments.Length)]);
                    break;
                case 1:
                    text.Append((char)_random.Next(0x20, 0x7f));
                    break;
                case 2:
                    // Any BMP character outside the surrogate range.
                    char c = (char)_random.Next(0, 0xd800);
                    text.Append(c);
                    break;
                default:
                    // A valid surrogate pair.
                    text.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)));
                    break;
            }
        }

        return text.ToString();
    }

    private object? Create(Type type, NullabilityInfo? nullability, int depth, bool nonNull = false)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            if (!nonNull && Chance(0.25))
            {
                return null;
            }

            // A nullable JsonElement holds null rather than a JSON null element (see the remarks).
            return underlying == typeof(JsonElement)
                ? JsonValue(2, allowNull: false)
                : Create(underlying, nullability?.GenericTypeArguments.FirstOrDefault(), depth, nonNull: true);
        }

        if (!type.IsValueType && !nonNull && nullability?.ReadState == NullabilityState.Nullable)
        {
            bool composite = type != typeof(string) && type != typeof(byte[]);
            if (Chance(0.15) || (composite && depth >= _maxDepth && Chance(0.7)))
            {
                return null;
            }
        }

        if (type == typeof(string))
        {
            return String();
        }

        if (type == typeof(byte[]))
        {
            return Bytes();
        }

        if (type == typeof(JsonElement))
        {
            return JsonValue(2);
        }

        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        if (type.IsEnum)
        {
            return EnumValue(type);
        }

        if (type.IsArray)
        {
            Type element = type.GetElementType()!;
            IList items = Items(element, nullability?.ElementType, depth);
            var array = System.Array.CreateInstance(element, items.Count);
            items.CopyTo(array, 0);
            return array;
        }

        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            Type[] arguments = type.GetGenericArguments();
            if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
            {
                return Items(arguments[0], nullability?.GenericTypeArguments.ElementAtOrDefault(0), depth);
            }

            if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            {
                return Map(arguments[1], nullability?.GenericTypeArguments.ElementAtOrDefault(1), depth);
            }
        }

        return CreateObject(type, depth);
    }

    private IList Items(Type element, NullabilityInfo? elementNullability, int depth)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        int count = Count(depth, element);
        for (int i = 0; i < count; i++)
        {
            list.Add(Create(element, elementNullability, depth + 1));
        }

        return list;
    }

    private IDictionary Map(Type value, NullabilityInfo? valueNullability, int depth)
    {
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), value))!;
        int count = Count(depth, value);
        for (int i = 0; i < count; i++)
        {
            string key = String();
            if (!map.Contains(key))
            {
                map.Add(key, Create(value, valueNullability, depth + 1));
            }
        }

        return map;
    }

    private int Count(int depth, Type element)
    {
        if (depth >= _maxDepth || Chance(0.2))
        {
            return 0;
        }

        bool simple = element.IsPrimitive || element == typeof(string) || Nullable.GetUnderlyingType(element)?.IsPrimitive == true;
        return simple && Chance(0.1) ? _random.Next(4, 16) : _random.Next(1, 4);
    }

    private object CreateObject(Type type, int depth)
    {
        type = PickRuntimeType(type);
        ConstructorInfo? constructor = ChooseConstructor(type);
        object instance;
        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructor is null)
        {
            instance = Activator.CreateInstance(type)!; // a struct's default constructor
        }
        else
        {
            ParameterInfo[] parameters = constructor.GetParameters();
            object?[] arguments = new object?[parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                arguments[i] = Create(parameters[i].ParameterType, _nullability.Create(parameters[i]), depth + 1);
                bound.Add(parameters[i].Name!);
            }

            instance = constructor.Invoke(arguments);
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            // Public setters, and with [JsonInclude] any setter: what System.Text.Json reads.
            bool settable = property.SetMethod is { IsPublic: true } || (property.SetMethod is not null && property.IsDefined(typeof(JsonIncludeAttribute)));
            if (!settable || property.GetIndexParameters().Length > 0 || bound.Contains(property.Name))
            {
                continue;
            }

            property.SetValue(instance, Create(property.PropertyType, _nullability.Create(property), depth + 1, nonNull: IsRequired(property)));
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (field.IsInitOnly || !field.IsDefined(typeof(JsonIncludeAttribute)) || bound.Contains(field.Name))
            {
                continue;
            }

            field.SetValue(instance, Create(field.FieldType, _nullability.Create(field), depth + 1, nonNull: IsRequired(field)));
        }

        return instance;
    }

    /// <summary>
    /// For a polymorphic base, one of the types it can write and read back as themselves: a listed type with a
    /// discriminator, or the base itself when it is concrete (written without a discriminator unless it lists itself,
    /// and read back as the base). Types listed without a discriminator and types not listed are covered by focused tests.
    /// </summary>
    private Type PickRuntimeType(Type type)
    {
        var candidates = type.GetCustomAttributes<JsonDerivedTypeAttribute>(inherit: false)
            .Where(a => a.TypeDiscriminator is not null && !a.DerivedType.IsAbstract)
            .Select(a => a.DerivedType)
            .ToList();
        if (candidates.Count == 0)
        {
            return type;
        }

        if (!type.IsAbstract && !candidates.Contains(type))
        {
            candidates.Add(type);
        }

        return candidates[_random.Next(candidates.Count)];
    }

    /// <summary>A required member is always present: STJ writes no nulls, and both readers then insist on the member.</summary>
    private static bool IsRequired(MemberInfo member) =>
        member.IsDefined(typeof(RequiredMemberAttribute)) || member.IsDefined(typeof(JsonRequiredAttribute));

    private static ConstructorInfo? ChooseConstructor(Type type)
    {
        ConstructorInfo[] constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        ConstructorInfo? marked = constructors.FirstOrDefault(c => c.IsDefined(typeof(JsonConstructorAttribute)));
        if (marked is not null)
        {
            return marked;
        }

        ConstructorInfo? parameterless = constructors.FirstOrDefault(c => c.GetParameters().Length == 0);
        if (parameterless is not null || type.IsValueType)
        {
            return parameterless;
        }

        ConstructorInfo[] candidates = constructors
            .Where(c => !(c.GetParameters() is [{ } only] && only.ParameterType == type))
            .ToArray();
        return candidates.Length == 1 ? candidates[0] : throw new InvalidOperationException($"No constructor to choose for {type}.");
    }

    private object EnumValue(Type type)
    {
        Array values = Enum.GetValues(type);
        while (true)
        {
            object value = values.GetValue(_random.Next(values.Length))!;
            if (value.ToString() != "UnknownEnumValue")
            {
                return value;
            }
        }
    }

    private object? Scalar(Type type)
    {
        if (type == typeof(bool))
        {
            return Chance(0.5);
        }

        if (type == typeof(byte))
        {
            return (byte)Integer(byte.MinValue, byte.MaxValue);
        }

        if (type == typeof(sbyte))
        {
            return (sbyte)Integer(sbyte.MinValue, sbyte.MaxValue);
        }

        if (type == typeof(short))
        {
            return (short)Integer(short.MinValue, short.MaxValue);
        }

        if (type == typeof(ushort))
        {
            return (ushort)Integer(ushort.MinValue, ushort.MaxValue);
        }

        if (type == typeof(int))
        {
            return (int)Integer(int.MinValue, int.MaxValue);
        }

        if (type == typeof(uint))
        {
            return (uint)Integer(uint.MinValue, uint.MaxValue);
        }

        if (type == typeof(long))
        {
            return Integer(long.MinValue, long.MaxValue);
        }

        if (type == typeof(ulong))
        {
            return _random.Next(5) switch
            {
                0 => ulong.MaxValue,
                1 => 0UL,
                2 => (ulong)long.MaxValue + 1,
                _ => (ulong)_random.NextInt64() * 2 + (ulong)_random.Next(2),
            };
        }

        if (type == typeof(float))
        {
            return Single();
        }

        if (type == typeof(double))
        {
            return Double();
        }

        if (type == typeof(decimal))
        {
            return Decimal();
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffsetValue();
        }

        if (type == typeof(DateTime))
        {
            return DateTimeValue();
        }

        if (type == typeof(DateOnly))
        {
            return _random.Next(5) switch
            {
                0 => DateOnly.MinValue,
                1 => DateOnly.MaxValue,
                2 => new DateOnly(2024, 2, 29),
                _ => DateOnly.FromDayNumber(_random.Next(DateOnly.MaxValue.DayNumber + 1)),
            };
        }

        if (type == typeof(Guid))
        {
            return _random.Next(6) switch
            {
                0 => Guid.Empty,
                1 => Guid.AllBitsSet,
                _ => new Guid(RandomBytes(16)),
            };
        }

        return null;
    }

    private long Integer(long min, long max)
    {
        return _random.Next(8) switch
        {
            0 => min,
            1 => max,
            2 => 0,
            3 => Math.Clamp(-1, min, max),
            4 => Math.Clamp(1, min, max),
            5 => min + 1,
            6 => max - 1,
            _ => min == long.MinValue && max == long.MaxValue ? _random.NextInt64(long.MinValue, long.MaxValue) : _random.NextInt64(min, max + 1),
        };
    }

    private float Single()
    {
        float[] edges = [0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1.1f, 0.1f, 1e-38f, 16777217f, -3.4e38f, 1f / 3];
        if (Chance(0.4))
        {
            return edges[_random.Next(edges.Length)];
        }

        while (true)
        {
            float value = BitConverter.Int32BitsToSingle(_random.Next(int.MinValue, int.MaxValue));
            if (float.IsFinite(value))
            {
                return value;
            }
        }
    }

    private double Double()
    {
        double[] edges =
        [
            0d, -0d, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 0.1, 0.1 + 0.2, 1e-300, 1e300,
            9007199254740993d, 5e-324, 1.7976931348623157e308, 123456789.123456789, -1d / 3,
        ];
        if (Chance(0.4))
        {
            return edges[_random.Next(edges.Length)];
        }

        if (Chance(0.3))
        {
            return Math.Round((_random.NextDouble() - 0.5) * 1e6, _random.Next(0, 8));
        }

        while (true)
        {
            double value = BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                return value;
            }
        }
    }

    private decimal Decimal()
    {
        decimal[] edges =
        [
            0m, 1m, -1m, 1.0m, 1.000m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m,
            -0.0000000000000000000000000001m, 0.1m, 7.9228162514264337593543950335m, 12345678901234567890.123456789m, 1e-10m,
        ];
        if (Chance(0.4))
        {
            return edges[_random.Next(edges.Length)];
        }

        return new decimal(_random.Next(int.MinValue, int.MaxValue), _random.Next(int.MinValue, int.MaxValue),
            _random.Next(3) == 0 ? 0 : _random.Next(int.MinValue, int.MaxValue), Chance(0.5), (byte)_random.Next(0, 29));
    }

    private DateTimeOffset DateTimeOffsetValue()
    {
        DateTimeOffset[] edges =
        [
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch,
            new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(330)).AddTicks(1),
            new DateTimeOffset(1999, 12, 31, 16, 0, 0, TimeSpan.FromHours(-8)),
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)).AddTicks(1234567),
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14)).AddMilliseconds(10),
            new DateTimeOffset(2038, 1, 19, 3, 14, 7, TimeSpan.FromMinutes(-150)),
        ];
        if (Chance(0.3))
        {
            return edges[_random.Next(edges.Length)];
        }

        TimeSpan offset = Chance(0.3) ? TimeSpan.Zero : TimeSpan.FromMinutes(_random.Next(-14 * 60, 14 * 60 + 1));
        long margin = TimeSpan.FromHours(15).Ticks;
        long utcTicks = _random.NextInt64(DateTime.MinValue.Ticks + margin, DateTime.MaxValue.Ticks - margin);
        utcTicks = TruncateFraction(utcTicks);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }

    private DateTime DateTimeValue()
    {
        DateTimeKind kind = (DateTimeKind)_random.Next(3);
        if (kind != DateTimeKind.Local && Chance(0.2))
        {
            DateTime edge = Chance(0.5) ? DateTime.MinValue : DateTime.MaxValue;
            return DateTime.SpecifyKind(edge, kind);
        }

        // Local times stay well inside the range so that the local offset can never push them out of it.
        long min = kind == DateTimeKind.Local ? new DateTime(1900, 1, 1).Ticks : DateTime.MinValue.Ticks;
        long max = kind == DateTimeKind.Local ? new DateTime(2100, 1, 1).Ticks : DateTime.MaxValue.Ticks;
        return new DateTime(TruncateFraction(_random.NextInt64(min, max)), kind);
    }

    /// <summary>Random fraction lengths: whole seconds, milliseconds, or full tick precision.</summary>
    private long TruncateFraction(long ticks) => _random.Next(3) switch
    {
        0 => ticks - ticks % TimeSpan.TicksPerSecond,
        1 => ticks - ticks % TimeSpan.TicksPerMillisecond,
        _ => ticks,
    };

    private byte[] Bytes() => _random.Next(6) switch
    {
        0 => [],
        1 => RandomBytes(_random.Next(1, 4)),
        _ => RandomBytes(_random.Next(0, 48)),
    };

    private byte[] RandomBytes(int length)
    {
        byte[] bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private void WriteRandomJson(Utf8JsonWriter writer, int depth, bool allowNull)
    {
        int kinds = depth > 0 ? 8 : 6;
        switch (_random.Next(allowNull ? 0 : 1, kinds))
        {
            case 0:
                writer.WriteNullValue();
                break;
            case 1:
                writer.WriteBooleanValue(Chance(0.5));
                break;
            case 2:
            case 3:
                string[] numbers =
                [
                    "0", "-0", "1", "-1", "1.5", "1e300", "-1.5E-300", "123456789012345678901234567890", "0.1000",
                    "9223372036854775808", "-9223372036854775809", "1E+2", "3.14159265358979323846264338327950288",
                ];
                string number = Chance(0.5)
                    ? numbers[_random.Next(numbers.Length)]
                    : Chance(0.5) ? _random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture) : Double().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                writer.WriteRawValue(number);
                break;
            case 4:
            case 5:
                writer.WriteStringValue(String());
                break;
            case 6:
                writer.WriteStartArray();
                for (int i = _random.Next(0, 4); i > 0; i--)
                {
                    WriteRandomJson(writer, depth - 1, allowNull: true);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                var names = new HashSet<string>();
                for (int i = _random.Next(0, 4); i > 0; i--)
                {
                    string name = String();
                    if (names.Add(name))
                    {
                        writer.WritePropertyName(name);
                        WriteRandomJson(writer, depth - 1, allowNull: true);
                    }
                }

                writer.WriteEndObject();
                break;
        }
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;
}
