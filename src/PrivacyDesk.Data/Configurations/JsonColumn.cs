using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrivacyDesk.Data.Configurations;

/// <summary>
/// Value objects (records) stored as one JSON text column: the register's lists of bases, recipients,
/// transfers and the like are read and written with their purpose, never queried on their own.
/// Compared by their JSON, so a changed list is saved.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AllowPrivateConstruction } },
    };

    /// <summary>
    /// Domain value objects guard their invariants with private constructors and setters (built
    /// through named factories); reading them back from storage may use those, as EF does for entities.
    /// </summary>
    private static void AllowPrivateConstruction(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.CreateObject is not null
            || info.Type.GetConstructors().Length > 0)
        {
            return;
        }
        if (info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is not { } constructor)
        {
            return;
        }
        info.CreateObject = () => constructor.Invoke(null);
        foreach (var property in info.Properties.Where(p => p.Set is null))
        {
            if (info.Type.GetProperty(property.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.IgnoreCase)?.GetSetMethod(nonPublic: true) is { } setter)
            {
                property.Set = (target, value) => setter.Invoke(target, [value]);
            }
        }
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    private static ValueComparer<T> Comparer<T>() => new(
        (a, b) => Serialize(a) == Serialize(b),
        v => Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => Deserialize<T>(Serialize(v)));

    /// <summary>Maps a private list field (e.g. <c>_lawfulBases</c>) to a JSON column named after the public property.</summary>
    public static void List<TEntity, TItem>(EntityTypeBuilder<TEntity> builder, string field, string column)
        where TEntity : class
    {
        builder.Property<List<TItem>>(field)
            .HasField(field)
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasColumnName(column)
            .HasConversion(v => Serialize(v), v => Deserialize<List<TItem>>(v), Comparer<List<TItem>>())
            .IsRequired();
    }

    /// <summary>Maps a record-valued property to a JSON column.</summary>
    public static PropertyBuilder<T> Value<T>(PropertyBuilder<T> property) =>
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), Comparer<T>());
}
