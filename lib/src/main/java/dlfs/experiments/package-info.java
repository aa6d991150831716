/**
 * The chapters' experiments and the book's scripts, apart from the library: each sub-package holds
 * one chapter's runs, written with the library ({@code dlfs.nd}, {@code dlfs.layers},
 * {@code dlfs.nets}, {@code dlfs.optim}, {@code dlfs.train}, {@code dlfs.plot}). Nothing in the
 * library depends on them (the {@code PackageCyclesTest} checks it, with no package cycles):
 * <ul>
 *   <li>{@link dlfs.experiments.ch3}: chapter 3, inference with the book's trained weights;</li>
 *   <li>{@link dlfs.experiments.ch6}: chapter 6, optimizers, initial weights, regularisation and
 *       hyperparameter search;</li>
 *   <li>{@link dlfs.experiments.ch7}: chapter 7, the first layer's filters;</li>
 *   <li>{@link dlfs.experiments.ch8}: chapter 8, the deep CNN's mistakes, half precision, and the
 *       command line that trains the conv nets ({@link dlfs.experiments.ch8.ConvNetRun}).</li>
 * </ul>
 * This package itself holds no classes.
 */
package dlfs.experiments;
