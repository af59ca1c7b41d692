namespace PrivacyDesk.Web;

/// <summary>Marker for the answer's delivery strings (the portal's answer pages and the case's delivery panel) in Resources/DeliveryText(.nl).resx.</summary>
public sealed class DeliveryText;
