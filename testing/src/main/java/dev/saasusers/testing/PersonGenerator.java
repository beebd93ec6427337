package dev.saasusers.testing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Deterministic, realistic people and ids for the fakes: unicode names, plus-addressed unique emails. */
final class PersonGenerator {

    /** A generated person: display names and a unique email. */
    record Person(String firstName, String lastName, String email) {
    }

    // Each entry: display name | ASCII form used in the email's local part.
    private static final String[][] FIRST = {
        {"Zoë", "zoe"}, {"José", "jose"}, {"Łukasz", "lukasz"}, {"Åsa", "asa"}, {"Ann", "ann"}, {"Björn", "bjorn"},
        {"Chloé", "chloe"}, {"Dmitri", "dmitri"}, {"Fatima", "fatima"}, {"Søren", "soren"}, {"伟", "wei"},
        {"Ngozi", "ngozi"}, {"Siobhán", "siobhan"}, {"François", "francois"}, {"Jürgen", "jurgen"}, {"Priya", "priya"},
        {"Mateo", "mateo"}, {"Yuki", "yuki"}, {"Zoltán", "zoltan"}, {"Ewa", "ewa"}, {"Ana-María", "ana-maria"},
        {"Ólafur", "olafur"}, {"Thảo", "thao"}, {"Mohammed", "mohammed"}, {"Olga", "olga"}, {"Liam", "liam"},
    };
    private static final String[][] LAST = {
        {"Nguyễn", "nguyen"}, {"李", "li"}, {"Müller", "muller"}, {"García", "garcia"}, {"O'Connor", "oconnor"},
        {"Kowalski", "kowalski"}, {"Ødegaard", "odegaard"}, {"Dubois", "dubois"}, {"Smith", "smith"},
        {"Johansson", "johansson"}, {"Papadopoulos", "papadopoulos"}, {"Şahin", "sahin"}, {"Yılmaz", "yilmaz"},
        {"Ivanova", "ivanova"}, {"Okafor", "okafor"}, {"田中", "tanaka"}, {"de la Cruz", "delacruz"},
        {"Ångström", "angstrom"}, {"Nowak", "nowak"}, {"van der Berg", "vanderberg"}, {"Wójcik", "wojcik"},
    };
    private static final String[] TAGS = {"ops", "billing", "it", "sandbox", "sso"};
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.co.uk"};
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final long EPOCH_2024 = 1_704_067_200L;

    private final Random random;
    private final Set<String> usedIds = new HashSet<>();

    PersonGenerator(long seed) {
        this.random = new Random(seed);
    }

    Person person(int index) {
        String[] first = FIRST[random.nextInt(FIRST.length)];
        String[] last = LAST[random.nextInt(LAST.length)];
        // The index keeps emails unique; about one in six is plus-addressed.
        String local = first[1] + "." + last[1] + (index + 1);
        if (random.nextInt(6) == 0) {
            local += "+" + TAGS[random.nextInt(TAGS.length)];
        }
        return new Person(first[0], last[0], local + "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
    }

    Random random() {
        return random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    UUID uuid() {
        while (true) {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            UUID id = new UUID(msb, lsb);
            if (usedIds.add(id.toString())) {
                return id;
            }
        }
    }

    /** A unique id: prefix plus {@code length} base62 characters. */
    String token(String prefix, int length) {
        while (true) {
            StringBuilder id = new StringBuilder(prefix);
            for (int i = 0; i < length; i++) {
                id.append(BASE62.charAt(random.nextInt(BASE62.length())));
            }
            if (usedIds.add(id.toString())) {
                return id.toString();
            }
        }
    }

    String hex(int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    /** An ISO-8601 UTC timestamp in 2024-2025. */
    String timestamp() {
        long seconds = EPOCH_2024 + (long) (random.nextDouble() * 2 * 365 * 86_400);
        return TIMESTAMP.format(
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, random.nextInt(1000) * 1_000_000L), ZoneOffset.UTC));
    }
}
