package io.salesdesk.app.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.salesdesk.app.common.I18n;

/** The quiet status line under the map, in the user's language. */
class TileStatusTest {

    @AfterEach
    void backToChinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @ParameterizedTest
    @EnumSource(TileStatus.Reason.class)
    void everyReasonToBackOffIsSaidInBothLanguages(TileStatus.Reason reason) {
        TileStatus status = TileStatus.backingOff(reason, 429, Instant.EPOCH);
        assertThat(status.text()).startsWith("地图瓦片：").doesNotContain("map.tiles");
        I18n.setLocale(Locale.ENGLISH);
        assertThat(status.text()).startsWith("Map tiles: ").doesNotContain("map.tiles");
    }

    @Test
    void aRefusingServerSaysWhatToCheck() {
        assertThat(TileStatus.backingOff(TileStatus.Reason.FORBIDDEN, 403, Instant.EPOCH).text())
                .isEqualTo("地图瓦片：瓦片服务器拒绝本机访问（HTTP 403），请在设置中检查瓦片服务器和联系方式；暂时显示缓存和离线底图");
        assertThat(TileStatus.OFFLINE.text()).isEqualTo("地图瓦片：离线底图");
    }
}
