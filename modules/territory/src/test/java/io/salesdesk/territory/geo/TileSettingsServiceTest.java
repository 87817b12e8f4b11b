package io.salesdesk.territory.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's tile settings on a real HSQLDB. */
class TileSettingsServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    TileSettingsService service;
    final Actor admin = new Actor(UUID.randomUUID(), "管理员", Role.ADMIN, "/");
    final Actor rep = new Actor(UUID.randomUUID(), "李娜", Role.REP, "/hd/");

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        service = new TileSettingsService(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aNewWorkspaceDrawsItsOwnBasemapWithA200MbCache() {
        assertThat(service.settings()).isEqualTo(TileSettings.DEFAULTS);
        assertThat(service.settings().online()).isFalse();
    }

    @Test
    void savedSettingsAreReadBack() {
        TileSettings mine = new TileSettings(" https://tiles.example.com/{z}/{x}/{y}.png ", "it@example.com", 500);
        service.save(admin, mine);
        assertThat(service.settings()).isEqualTo(new TileSettings("https://tiles.example.com/{z}/{x}/{y}.png",
                "it@example.com", 500));
        service.save(admin, TileSettings.DEFAULTS);
        assertThat(service.settings()).isEqualTo(TileSettings.DEFAULTS);
    }

    @Test
    void aTemplateWithoutPlaceholdersOrATinyCacheIsRefusedWithOneProblemEach() {
        assertThatThrownBy(() -> service.save(admin, new TileSettings("https://tiles.example.com/tile.png", "", 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("map.tiles.template.placeholders", "map.tiles.cache.range"));
        assertThatThrownBy(() -> service.save(admin, new TileSettings("tiles.example.com/{z}/{x}/{y}", "", 200)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("map.tiles.template.notHttp"));
        assertThat(service.settings()).isEqualTo(TileSettings.DEFAULTS);
    }

    @Test
    void aRepCannotChangeTheOrganisationsTileServer() {
        assertThatThrownBy(() -> service.save(rep, new TileSettings("https://t.example.com/{z}/{x}/{y}", "", 200)))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("map.tiles.notAllowed"));
    }
}
