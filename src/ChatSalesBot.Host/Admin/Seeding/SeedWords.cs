namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>Word lists the seeders draw names, contacts and notes from.</summary>
internal static class SeedWords
{
    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.InvariantCulture;

    public static readonly string[] FirstNames =
    [
        "James", "Maria", "Wei", "Fatima", "Lukas", "Sofia", "Raj", "Aiko", "Carlos", "Emma", "Olu", "Ingrid", "Mateo",
        "Chloé", "Noah", "Priya", "Jonas", "Zoë", "Hiroshi", "Ana", "Liam", "Amara", "Sven", "Léa", "Omar", "Mia",
        "Tomasz", "Grace", "Diego", "Hannah", "Kenji", "Elif", "Samuel", "Yara", "Finn", "Nadia", "Pedro", "Isla",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "García", "Zhang", "Müller", "Okafor", "Rossi", "Nguyen", "Johansson", "Kowalski", "Dubois", "Patel",
        "Tanaka", "O'Brien", "Silva", "Schmidt", "Kim", "Haddad", "Novak", "Fischer", "Moreau", "Lindqvist", "Ivanova",
        "Brown", "Yamamoto", "Costa", "Andersen", "Cohen", "Rahman", "Becker", "Lopez", "Wright", "Jensen", "Horvat",
    ];

    public static readonly string[] Titles =
    [
        "Purchasing Manager", "Head of Procurement", "CFO", "Operations Director", "Buyer", "Store Manager",
        "Plant Manager", "CEO", "IT Director", "Category Manager", "Office Manager", "Owner", "Facilities Lead",
    ];

    public static readonly string[] Industries =
    [
        "Manufacturing", "Retail", "Food & Beverage", "Healthcare", "Construction", "Logistics", "Technology",
        "Hospitality", "Education", "Energy", "Automotive", "Agriculture", "Professional Services",
    ];

    public static readonly string[] CompanyPrefixes =
    [
        "Blue Ridge", "Harbor Point", "Summit", "Pioneer", "Cedar", "Silver Lake", "Red Rock", "Evergreen", "Granite",
        "Lakeside", "Northstar", "Prairie", "Riverbend", "Oakwood", "Maple", "Coastal", "Highland", "Sunrise", "Ironwood",
        "Golden Gate", "Bright", "Keystone", "Meridian", "Atlas", "Beacon", "Crescent", "Falcon", "Frontier", "Horizon",
        "Juniper", "Liberty", "Magnolia", "Orchard", "Pinnacle", "Quarry", "Redwood", "Sequoia", "Sterling", "Tidewater",
        "Union", "Valley", "Westbrook", "Willow", "Yellowstone", "Zenith", "Aurora", "Bayside", "Canyon", "Delta",
        "Eastgate", "Foxglove", "Greenfield", "Hillcrest", "Inland", "Jade", "Kingfisher", "Lighthouse", "Millbrook",
        "Nordic", "Oasis", "Pacific", "Alder", "Birchwood", "Cobalt", "Driftwood", "Emerald", "Fairview", "Glacier",
    ];

    public static readonly string[] CompanyCores =
    [
        "Logistics", "Foods", "Hardware", "Medical Supply", "Builders", "Electric", "Farms", "Dental", "Auto Parts",
        "Paper", "Textiles", "Brewing", "Printing", "Plumbing Supply", "Office Furniture", "Bakery", "Pharmacy",
        "Machine Works", "Packaging", "Motors", "Optics", "Seafood", "Coffee Roasters", "Garden Center", "Cabinetry",
        "Steel", "Plastics", "Software", "Outfitters", "Hotels", "Clinic", "Veterinary", "Tile & Stone", "Lumber",
        "Appliances", "Dairy", "Bottling", "Signs", "Labs", "Freight", "Pet Supply", "Sporting Goods", "Marine",
        "Solar", "HVAC", "Catering", "Cleaning Supply", "Bookstore", "Wine Merchants", "Uniforms", "Tools",
        "Fasteners", "Robotics", "Ceramics", "Glassworks", "Orthopedics", "Farm Equipment", "Trucking", "Bikes",
    ];

    public static readonly string[] CompanySuffixes = ["Inc", "LLC", "Co.", "Ltd", "Group", "Corp", "GmbH", "", ""];

    public static readonly string[] Regions =
    [
        "New England", "Mid-Atlantic", "Southeast", "Great Lakes", "Midwest", "Texas", "Mountain", "Pacific Northwest",
        "California", "Southwest",
    ];

    public static readonly string[] Streets = ["Main St", "Oak Ave", "Industrial Pkwy", "Harbor Rd", "Commerce Dr", "Market St"];

    public static readonly string[] VisitNotes =
    [
        "Walked the floor with {0}; happy with the last delivery.",
        "Met {0} about the renewal; pricing concerns on the larger SKUs.",
        "Showed {0} the new catalogue; interested in the premium line.",
        "Reviewed open orders with {0}; asked about lead times.",
        "Lunch with {0}; budget for next year is being set now.",
        "{0} introduced their new warehouse lead; good relationship.",
    ];

    public static readonly string[] CallNotes =
    [
        "Quick call with {0} about the open order.",
        "Followed up on the quote with {0}; waiting for budget approval.",
        "{0} called about an invoice question; resolved.",
        "Checked in with {0}; no needs this month.",
    ];

    public static readonly string[] NextSteps =
    [
        "send the revised quote", "bring samples of the new line", "call about the renewal", "confirm the delivery date",
        "meet the new CFO", "send the product sheet", "book a plant tour", "follow up on the trial order",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
