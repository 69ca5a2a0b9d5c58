package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.junit.jupiter.api.Test;

class LibraryCachesTests {

  @Test
  void evaluation_on_one_thread_reuses_its_library_manager_instead_of_building_one_per_engine() {
    var caches = new LibraryCaches(Set.of("KetamineOrderCheck"));

    assertThat(caches.engineLibraryManager()).isSameAs(caches.engineLibraryManager());
  }

  @Test
  void each_thread_has_its_own_library_manager_because_the_translator_classes_are_not_thread_safe() {
    var caches = new LibraryCaches(Set.of("KetamineOrderCheck"));
    LibraryManager here = caches.engineLibraryManager();

    LibraryManager there = CompletableFuture.supplyAsync(caches::engineLibraryManager).join();

    assertThat(there).isNotSameAs(here);
    assertThat(there.getCompiledLibraries()).isSameAs(here.getCompiledLibraries());
  }

  @Test
  void a_new_content_load_gets_new_managers_over_its_own_libraries() {
    var first = new LibraryCaches(Set.of("KetamineOrderCheck"));
    var reloaded = new LibraryCaches(Set.of("KetamineOrderCheck"));

    assertThat(reloaded.engineLibraryManager()).isNotSameAs(first.engineLibraryManager());
    assertThat(reloaded.engineLibraryManager().getCompiledLibraries())
        .isNotSameAs(first.engineLibraryManager().getCompiledLibraries());
  }

  @Test
  void translation_still_takes_a_fresh_manager_per_use() {
    var caches = new LibraryCaches(Set.of("KetamineOrderCheck"));

    assertThat(caches.newLibraryManager()).isNotSameAs(caches.newLibraryManager());
  }
}
