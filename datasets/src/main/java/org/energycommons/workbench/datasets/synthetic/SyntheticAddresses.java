package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * Postal addresses of the synthetic region's dwellings and their annual electricity use by address, as network
 * operators publish it (one row per address and year, before statistical secrecy).
 *
 * <p>Within each commune, dwellings ({@code building_use = 'residential'}) are put in a seeded order (a hash of the
 * seed and {@code building_id}) and cut into consecutive addresses whose sizes are drawn from the seed and the
 * commune: with probability {@value #SMALL_SHARE} a house or small building of 1–9 dwellings, {@value #MEDIUM_SHARE}
 * a building of 10–30, otherwise a large block of 31–{@value #MAX_DWELLINGS}. Most addresses thus hold fewer than
 * 10 dwellings, the threshold under which secrecy suppresses a published row; the last address of a commune may
 * hold fewer than drawn. Address strings such as {@code "12 rue des Tilleuls"} are unique within a commune.
 */
public final class SyntheticAddresses {

    /** Most dwellings at one address. */
    public static final int MAX_DWELLINGS = 60;
    /** Probability that an address holds 1–9 dwellings. */
    public static final double SMALL_SHARE = 0.60;
    /** Probability that an address holds 10–30 dwellings. */
    public static final double MEDIUM_SHARE = 0.25;
    /** Street names the addresses use. */
    public static final List<String> STREETS = List.of("rue des Tilleuls", "avenue de la Gare", "rue du Moulin",
            "chemin des Vignes", "place de la Mairie", "rue de l'Église", "impasse des Lilas", "route de Lyon",
            "rue Victor Hugo", "boulevard Jean Jaurès", "rue Pasteur", "allée des Acacias", "rue de la République",
            "chemin de la Fontaine", "rue des Écoles", "avenue des Platanes", "rue du Stade", "rue Jules Ferry",
            "rue des Jardins", "chemin du Lavoir", "rue de la Paix", "avenue du Général de Gaulle",
            "rue des Peupliers", "rue Saint-Martin", "place du Marché", "rue du Château", "chemin des Prés",
            "rue des Cerisiers", "rue de la Source", "rue du Four");

    private static final StructType TABLE = StructType.fromDDL("""
            commune_code STRING NOT NULL, first_rank INT NOT NULL, end_rank INT NOT NULL, address STRING NOT NULL""");

    private SyntheticAddresses() {
    }

    /** The drawn size of an address: 1–9, 10–30 or 31–{@value #MAX_DWELLINGS} dwellings. */
    static int drawSize(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        if (u < SMALL_SHARE) {
            return 1 + rnd.nextInt(9);
        }
        if (u < SMALL_SHARE + MEDIUM_SHARE) {
            return 10 + rnd.nextInt(21);
        }
        return 31 + rnd.nextInt(MAX_DWELLINGS - 30);
    }

    /**
     * The addresses of every commune as consecutive ranges of the seeded dwelling order, enough to hold
     * {@link RegionConfig#meters()} dwellings per commune: {@code commune_code, first_rank, end_rank (exclusive),
     * address}.
     */
    static List<Row> addressRanges(RegionConfig config) {
        List<Row> rows = new ArrayList<>();
        int communeIndex = 0;
        for (Geography.Commune commune : Geography.COMMUNES) {
            SplittableRandom rnd = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L
                    + (communeIndex + 1) * 0x632BE59BD9B4E019L + 0x5EED_ADD5L);
            int offset = rnd.nextInt(STREETS.size());
            int first = 0;
            for (int k = 0; first < config.meters(); k++) {
                int size = drawSize(rnd);
                String street = STREETS.get((k + offset) % STREETS.size());
                int number = 1 + 4 * (k / STREETS.size()) + rnd.nextInt(4);
                rows.add(RowFactory.create(commune.code(), first, first + size, number + " " + street));
                first += size;
            }
            communeIndex++;
        }
        return rows;
    }

    /**
     * The address of every dwelling.
     *
     * @param meters the {@link SyntheticRegion#meters()} rows
     * @return {@code building_id string, prm string, commune_code string, address string}
     */
    public static Dataset<Row> dwellingAddresses(RegionConfig config, Dataset<Row> meters) {
        SparkSession spark = meters.sparkSession();
        Dataset<Row> ranges = spark.createDataFrame(addressRanges(config), TABLE);
        Dataset<Row> ranked = meters
                .filter(col("building_use").equalTo("residential"))
                .withColumn("order_key", SyntheticColumns.uniform(config.seed(), "addresses.order",
                        col("building_id")))
                .withColumn("rank", row_number().over(Window.partitionBy("commune_code")
                        .orderBy("order_key", "building_id")).minus(1))
                .select(col("building_id"), col("prm"), col("commune_code").as("dwelling_commune"), col("rank"));
        return ranked
                .join(broadcast(ranges), col("dwelling_commune").equalTo(col("commune_code"))
                        .and(col("rank").geq(col("first_rank"))).and(col("rank").lt(col("end_rank"))))
                .select("building_id", "prm", "commune_code", "address");
    }

    /**
     * Annual electricity use by address.
     *
     * @param meters the meters rows
     * @param annualKwhPerMeter {@code prm string, year int, kwh double}: the annual use of each delivery point
     *     (e.g. its bronze load curve summed per calendar year); rows of non-dwellings are ignored
     * @return {@code year int, commune_code string, address string, n_dwellings long (dwellings of the address with
     *     a value that year), total_kwh double, mean_kwh_per_dwelling double}
     */
    public static Dataset<Row> annualByAddress(RegionConfig config, Dataset<Row> meters,
                                               Dataset<Row> annualKwhPerMeter) {
        return annualKwhPerMeter.select("prm", "year", "kwh")
                .join(dwellingAddresses(config, meters).select("prm", "commune_code", "address"), "prm")
                .groupBy("year", "commune_code", "address")
                .agg(count("*").as("n_dwellings"), sum("kwh").as("total_kwh"))
                .withColumn("mean_kwh_per_dwelling", col("total_kwh").divide(col("n_dwellings")));
    }
}
