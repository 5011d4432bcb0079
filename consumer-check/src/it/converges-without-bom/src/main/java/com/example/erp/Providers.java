package com.example.erp;

import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.jdbc.JdbcStore;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.rrpay.RrPayProvider;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaProvider;
import java.util.List;

/** Touches every published module's entry point, so -Werror sees their class files. */
public final class Providers {
  private Providers() {}

  /** The entry points this ERP compiles against. */
  public static List<Class<?>> entryPoints() {
    return List.of(PosClient.class, MellonConfig.class, MellonProvider.class, RrPayProvider.class,
        VivaConfig.class, VivaProvider.class, JdbcStore.class);
  }
}
