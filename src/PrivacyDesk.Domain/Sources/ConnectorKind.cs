namespace PrivacyDesk.Domain.Sources;

/// <summary>How PrivacyDesk reaches a source system's data (issue 14).</summary>
public enum ConnectorKind
{
    /// <summary>The system's team delivers a CSV or JSON extract that the officer uploads (the collection task as before).</summary>
    Manual,

    PostgreSql,

    SqlServer,

    /// <summary>MySQL and MariaDB, through MySqlConnector.</summary>
    MySql,

    Sqlite,
}

/// <summary>Whether a source system may be used: a retired system stays for the record but is no longer asked.</summary>
public enum SourceSystemStatus
{
    Active,
    Retired,
}

/// <summary>The subject's identifiers a data map can start from; each is a column that identifies the subject.</summary>
public enum SubjectIdentifierKind
{
    CustomerNumber,
    EmailAddress,
    PhoneNumber,
}
