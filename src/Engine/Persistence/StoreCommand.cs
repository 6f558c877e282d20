using System.Data.Common;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Plain ADO.NET commands on the store's connection, for the paths where EF Core's change tracking and query pipeline
/// cost more than the statement itself (bulk rows, a transfer's outcome, the analytics fold). Parameters are positional:
/// created in the order named, given values in the same order.
/// </summary>
internal static class StoreCommand
{
    /// <summary>A command in <paramref name="transaction"/> with a parameter for each of <paramref name="parameters"/> ("@name").</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (string name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name[0] == '@' ? name : "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Gives the parameters their values in order; a null is stored as SQL NULL.</summary>
    public static DbCommand With(this DbCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
