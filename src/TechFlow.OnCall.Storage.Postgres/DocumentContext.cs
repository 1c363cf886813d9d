using Microsoft.EntityFrameworkCore;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>A row of <c>oncall_documents</c>: one record of type <typeparamref name="T"/>, stored as JSONB.</summary>
internal sealed class Document<T> where T : class
{
    public string Collection { get; set; } = "";
    public string Id { get; set; } = "";
    public T Data { get; set; } = null!;
}

/// <summary>
/// An Entity Framework context over the documents of one record type, used only to translate LINQ predicates and
/// orderings into SQL over the JSONB column (<c>x.Start &lt;= t</c> becomes
/// <c>CAST(data -&gt;&gt; 'Start' AS timestamp with time zone) &lt;= @t</c>). One closed generic type per record
/// type, so Entity Framework builds and caches one small model for each.
/// </summary>
internal sealed class DocumentContext<T>(DbContextOptions<DocumentContext<T>> options) : DbContext(options) where T : class
{
    public DbSet<Document<T>> Documents => Set<Document<T>>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Document<T>>(e =>
        {
            e.ToTable(PostgresSchema.DocumentsTable);
            e.HasKey(d => new { d.Collection, d.Id });
            e.Property(d => d.Collection).HasColumnName("collection");
            e.Property(d => d.Id).HasColumnName("id");
            e.Property(d => d.Data).HasColumnName("data").HasColumnType("jsonb");
        });
}
